package dev.bfftemplate.demo.services.orders;

import java.net.URI;
import java.util.List;

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
 * A partner's orders: its paged order list, one of its orders and placing one. An order
 * of anyone else is answered exactly like a missing one, so a partner cannot learn that
 * it exists.
 */
@RestController
@RequestMapping("/orders/partners/{partnerId}")
class PartnerOrdersController {

	private final DemoDataset dataset;

	private final OrderBook orderBook;

	private final OrderRequestValidator validator;

	private final PartnerAccounts partners;

	PartnerOrdersController(DemoDataset dataset, OrderBook orderBook, OrderRequestValidator validator,
			PartnerAccounts partners) {
		this.dataset = dataset;
		this.orderBook = orderBook;
		this.validator = validator;
		this.partners = partners;
	}

	@GetMapping
	PartnerOrderPage orders(@PathVariable String partnerId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OrdersController.MAX_LIMIT) int size) {
		OrderBook.OrderSlice slice = this.orderBook.ofCustomer(account(partnerId), (long) page * size, size);
		int total = slice.totalCount();
		List<Order> items = slice.orders().stream().map(this::toOrder).toList();
		return new PartnerOrderPage(items, page, size, total, (total + size - 1) / size);
	}

	@GetMapping("/{orderId}")
	Order order(@PathVariable String partnerId, @PathVariable String orderId) {
		String account = account(partnerId);
		return this.orderBook.find(orderId)
			.filter((order) -> order.customerId().equals(account))
			.map(this::toOrder)
			.orElseThrow(() -> new NotFoundException("order", orderId));
	}

	@PostMapping
	ResponseEntity<Order> place(@PathVariable String partnerId, @RequestBody PartnerOrderRequest request,
			UriComponentsBuilder uriBuilder) {
		String account = account(partnerId);
		this.validator.validate(new CreateOrderRequest(account, request.productId(), request.quantity()));
		Product product = this.dataset.product(request.productId()).orElseThrow();
		PlacedOrder placed = this.orderBook.place(account, product, request.quantity());
		URI location = uriBuilder.path("/orders/partners/{partnerId}/{orderId}")
			.buildAndExpand(partnerId, placed.id())
			.toUri();
		return ResponseEntity.created(location).body(Order.of(placed, product));
	}

	private String account(String partnerId) {
		String account = this.partners.customerOf(partnerId);
		if (account == null) {
			throw new NotFoundException("partner", partnerId);
		}
		return account;
	}

	private Order toOrder(PlacedOrder order) {
		return Order.of(order, this.dataset.product(order.productId()).orElseThrow());
	}

}
