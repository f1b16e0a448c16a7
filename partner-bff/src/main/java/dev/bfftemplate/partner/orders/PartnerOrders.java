package dev.bfftemplate.partner.orders;

import java.time.Instant;
import java.util.List;

import dev.bfftemplate.partner.contract.Money;
import dev.bfftemplate.partner.orders.OrdersClient.ServiceOrder;
import dev.bfftemplate.partner.orders.OrdersClient.ServicePage;

/**
 * The partner contract's order shapes, mapped from the orders service's (which also
 * carries the customer account, never shown to the partner).
 */
final class PartnerOrders {

	private PartnerOrders() {
	}

	record Order(String id, String productId, String productName, int quantity, Money unitPrice, Money total,
			String status, Instant createdAt) {

		static Order of(ServiceOrder order) {
			return new Order(order.id(), order.productId(), order.productName(), order.quantity(),
					new Money(order.unitPrice(), order.currency()), new Money(order.total(), order.currency()),
					order.status(), order.createdAt());
		}

	}

	record OrderPage(List<Order> items, int page, int size, long totalElements, int totalPages) {

		static OrderPage of(ServicePage page) {
			return new OrderPage(page.items().stream().map(Order::of).toList(), page.page(), page.size(),
					page.totalElements(), page.totalPages());
		}

	}

}
