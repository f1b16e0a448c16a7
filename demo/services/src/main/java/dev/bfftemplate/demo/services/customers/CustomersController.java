package dev.bfftemplate.demo.services.customers;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer profiles.
 */
@RestController
class CustomersController {

	private final DemoDataset dataset;

	CustomersController(DemoDataset dataset) {
		this.dataset = dataset;
	}

	@GetMapping("/customers/{id}")
	CustomerProfile customer(@PathVariable String id) {
		return this.dataset.customer(id)
			.map(CustomerProfile::of)
			.orElseThrow(() -> new NotFoundException("customer", id));
	}

}
