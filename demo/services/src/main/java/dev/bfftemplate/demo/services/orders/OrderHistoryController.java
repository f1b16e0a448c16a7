package dev.bfftemplate.demo.services.orders;

import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's order history page by page, newest first: keyset paging by the last order
 * id seen, so pages stay stable while new orders arrive.
 */
@RestController
class OrderHistoryController {

	private final DemoDataset dataset;

	private final OrderBook orderBook;

	OrderHistoryController(DemoDataset dataset, OrderBook orderBook) {
		this.dataset = dataset;
		this.orderBook = orderBook;
	}

	@GetMapping("/orders/history")
	OrderHistoryPage history(@RequestParam String customerId, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OrdersController.MAX_LIMIT) int limit) {
		if (this.dataset.customer(customerId).isEmpty()) {
			throw new NotFoundException("customer", customerId);
		}
		OrderBook.OrderSlice slice = (after != null)
				? this.orderBook.ofCustomerAfter(customerId, after, limit)
					.orElseThrow(() -> new NotFoundException("order", after))
				: this.orderBook.ofCustomer(customerId, 0, limit);
		List<Order> page = slice.orders()
			.stream()
			.map((order) -> Order.of(order, this.dataset.product(order.productId()).orElseThrow()))
			.toList();
		return new OrderHistoryPage(customerId, page, slice.hasMore());
	}

	/**
	 * One page of a customer's orders.
	 *
	 * @param customerId the customer
	 * @param orders the orders of this page, newest first
	 * @param hasMore whether older orders follow
	 */
	record OrderHistoryPage(String customerId, List<Order> orders, boolean hasMore) {

	}

}
