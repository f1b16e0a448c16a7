package dev.bfftemplate.demo.services.customers;

import dev.bfftemplate.demo.services.data.CannedJson;
import dev.bfftemplate.demo.services.data.Customer;
import dev.bfftemplate.demo.services.data.DemoDataset;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer profiles.
 */
@RestController
class CustomersController {

	private final CannedJson profiles;

	CustomersController(DemoDataset dataset, JsonMapper mapper) {
		this.profiles = CannedJson.of(mapper, dataset.customers(), Customer::id, CustomerProfile::of);
	}

	@GetMapping("/customers/{id}")
	ResponseEntity<byte[]> customer(@PathVariable String id) {
		return this.profiles.answerOrNotFound("customer", id);
	}

}
