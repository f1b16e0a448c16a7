package dev.bfftemplate.demo.services.orders;

import java.time.Instant;

import dev.bfftemplate.demo.services.data.Money;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import dev.bfftemplate.demo.services.data.Product;

/**
 * An order as the orders service returns it. Amounts are decimal strings in major units,
 * like the pricing service's.
 *
 * @param id order id, {@code o-<number>}
 * @param customerId who ordered
 * @param productId what was ordered
 * @param productName the product's name
 * @param quantity how many units
 * @param unitPrice price of one unit when ordered
 * @param total unit price times quantity
 * @param currency ISO 4217 currency code
 * @param status {@code placed}, {@code shipped} or {@code delivered}
 * @param createdAt when the order was placed
 */
record Order(String id, String customerId, String productId, String productName, int quantity, String unitPrice,
		String total, String currency, String status, Instant createdAt) {

	static Order of(PlacedOrder order, Product product) {
		Money unitPrice = order.unitPrice();
		return new Order(order.id(), order.customerId(), order.productId(), product.name(), order.quantity(),
				unitPrice.toDecimalString(), unitPrice.times(order.quantity()).toDecimalString(), unitPrice.currency(),
				order.status(), order.createdAt());
	}

}
