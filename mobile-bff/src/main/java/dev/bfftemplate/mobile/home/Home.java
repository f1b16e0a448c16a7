package dev.bfftemplate.mobile.home;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bfftemplate.mobile.orders.OrderSummary;
import dev.bfftemplate.starter.fanout.Warning;

/**
 * The home screen.
 *
 * @param firstName whom to greet
 * @param recentOrders the latest orders, left out with a warning when the orders service
 * fails
 * @param recommendations products for the customer, left out with a warning when
 * unavailable
 * @param warnings what is missing, left out when the answer is complete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Home(String firstName, List<OrderSummary> recentOrders, List<Recommendation> recommendations,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {

	/**
	 * One recommended product.
	 *
	 * @param id the product id
	 * @param name its name
	 * @param thumbnailUrl its image
	 * @param price its price, a decimal string
	 * @param currency ISO 4217 code
	 */
	record Recommendation(String id, String name, URI thumbnailUrl, String price, String currency) {

	}

}
