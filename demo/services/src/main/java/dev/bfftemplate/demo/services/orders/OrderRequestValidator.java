package dev.bfftemplate.demo.services.orders;

import java.util.ArrayList;
import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.orders.InvalidOrderException.FieldError;

import org.springframework.stereotype.Component;

/**
 * Applies the order rules to a request: the customer and the product must exist and the
 * quantity must be between one and the configured maximum. Reports every broken rule at
 * once so that a client can fix them in one go.
 */
@Component
class OrderRequestValidator {

	private final DemoDataset dataset;

	private final OrdersProperties properties;

	OrderRequestValidator(DemoDataset dataset, OrdersProperties properties) {
		this.dataset = dataset;
		this.properties = properties;
	}

	void validate(CreateOrderRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.customerId() == null) {
			errors.add(new FieldError("customerId", "is required"));
		}
		else if (this.dataset.customer(request.customerId()).isEmpty()) {
			errors.add(new FieldError("customerId", "unknown customer"));
		}
		if (request.productId() == null) {
			errors.add(new FieldError("productId", "is required"));
		}
		else if (this.dataset.product(request.productId()).isEmpty()) {
			errors.add(new FieldError("productId", "unknown product"));
		}
		if (request.quantity() == null) {
			errors.add(new FieldError("quantity", "is required"));
		}
		else if (request.quantity() < 1) {
			errors.add(new FieldError("quantity", "must be at least 1"));
		}
		else if (request.quantity() > this.properties.maxQuantity()) {
			errors.add(new FieldError("quantity", "must be at most " + this.properties.maxQuantity()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidOrderException(errors);
		}
	}

}
