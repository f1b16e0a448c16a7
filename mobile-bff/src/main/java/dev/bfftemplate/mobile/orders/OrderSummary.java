package dev.bfftemplate.mobile.orders;

import java.time.Instant;

import dev.bfftemplate.mobile.services.ServiceClients.Order;

/**
 * An order as the app lists it.
 *
 * @param id the order id
 * @param placedAt when it was placed
 * @param productName what was ordered
 * @param quantity how many
 * @param total price of all, a decimal string
 * @param currency ISO 4217 code
 * @param status placed, shipped or delivered
 */
public record OrderSummary(String id, Instant placedAt, String productName, int quantity, String total, String currency,
		String status) {

	/**
	 * The summary of a service's order.
	 * @param order the order
	 * @return its summary
	 */
	public static OrderSummary of(Order order) {
		return new OrderSummary(order.id(), order.createdAt(), order.productName(), order.quantity(), order.total(),
				order.currency(), order.status());
	}

}
