package dev.bfftemplate.demo.services.orders;

import java.net.URI;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import dev.bfftemplate.demo.services.data.Product;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Orders: a customer's order history, one order, and placing an order.
 */
@RestController
@RequestMapping("/orders")
class OrdersController {

	static final int MAX_LIMIT = 100;

	private final DemoDataset dataset;

	private final OrderBook orderBook;

	private final OrderRequestValidator validator;

	OrdersController(DemoDataset dataset, OrderBook orderBook, OrderRequestValidator validator) {
		this.dataset = dataset;
		this.orderBook = orderBook;
		this.validator = validator;
	}

	@GetMapping
	CustomerOrders ordersOf(@RequestParam String customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit) {
		if (this.dataset.customer(customerId).isEmpty()) {
			throw new NotFoundException("customer", customerId);
		}
		OrderBook.OrderSlice newest = this.orderBook.ofCustomer(customerId, 0, limit);
		return new CustomerOrders(customerId, newest.orders().stream().map(this::toOrder).toList(),
				newest.totalCount());
	}

	@GetMapping("/{id}")
	Order order(@PathVariable String id) {
		return this.orderBook.find(id).map(this::toOrder).orElseThrow(() -> new NotFoundException("order", id));
	}

	@PostMapping
	ResponseEntity<Order> place(@RequestBody CreateOrderRequest request, UriComponentsBuilder uriBuilder) {
		this.validator.validate(request);
		Product product = this.dataset.product(request.productId()).orElseThrow();
		PlacedOrder placed = this.orderBook.place(request.customerId(), product, request.quantity());
		URI location = uriBuilder.path("/orders/{id}").buildAndExpand(placed.id()).toUri();
		return ResponseEntity.created(location).body(Order.of(placed, product));
	}

	private Order toOrder(PlacedOrder order) {
		return Order.of(order, this.dataset.product(order.productId()).orElseThrow());
	}

}
