package dev.bfftemplate.mobile.home;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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
record Home(String firstName, List<RecentOrder> recentOrders, List<Recommendation> recommendations,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {

	/**
	 * One recent order, as short as the home screen shows it (the order list has more).
	 *
	 * @param id the order id
	 * @param date the day it was placed (UTC)
	 * @param total price of all, a decimal string
	 * @param currency ISO 4217 code
	 * @param status placed, shipped or delivered
	 */
	record RecentOrder(String id, LocalDate date, String total, String currency, String status) {

	}

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
