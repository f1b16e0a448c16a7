package dev.bfftemplate.web.orders;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import reactor.core.publisher.Mono;

/**
 * The orders service ({@code spring.http.serviceclient.orders.base-url}).
 */
@HttpExchange
public interface OrdersClient {

	/**
	 * A customer's most recent orders.
	 * @param customerId the customer
	 * @param limit how many at most
	 * @return the orders
	 */
	@GetExchange
	Mono<CustomerOrders> recentOrders(@RequestParam String customerId, @RequestParam int limit);

	/**
	 * Places an order; the service validates it.
	 * @param order the order
	 * @return the placed order
	 */
	@PostExchange
	Mono<Order> place(@RequestBody NewOrder order);

	/**
	 * A customer's orders, newest first.
	 *
	 * @param customerId the customer
	 * @param orders the most recent orders
	 * @param totalCount how many orders the customer has in all
	 */
	record CustomerOrders(String customerId, List<Order> orders, int totalCount) {

	}

	/**
	 * One order.
	 *
	 * @param id the order id
	 * @param productId the product
	 * @param productName its name
	 * @param quantity how many
	 * @param unitPrice price of one, as a decimal string
	 * @param total price of all, as a decimal string
	 * @param currency ISO 4217 code
	 * @param status placed, shipped or delivered
	 * @param createdAt when it was placed
	 */
	record Order(String id, String productId, String productName, int quantity, String unitPrice, String total,
			String currency, String status, Instant createdAt) {

	}

	/**
	 * What the orders service needs to place an order.
	 *
	 * @param customerId the customer, from the session
	 * @param productId the product
	 * @param quantity how many
	 */
	record NewOrder(String customerId, String productId, Integer quantity) {

	}

}
