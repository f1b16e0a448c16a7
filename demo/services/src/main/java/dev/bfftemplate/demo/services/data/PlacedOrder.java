package dev.bfftemplate.demo.services.data;

import java.time.Instant;

/**
 * An order of one product by one customer.
 *
 * @param id order id, {@code o-<number>}
 * @param customerId who ordered
 * @param productId what was ordered
 * @param quantity how many units
 * @param unitPrice price of one unit when ordered
 * @param status {@code placed}, {@code shipped} or {@code delivered}
 * @param createdAt when the order was placed
 */
public record PlacedOrder(String id, String customerId, String productId, int quantity, Money unitPrice, String status,
		Instant createdAt) {

}
