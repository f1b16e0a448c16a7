package dev.bfftemplate.demo.services.pricing;

import dev.bfftemplate.demo.services.data.CannedJson;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Product;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prices per product.
 */
@RestController
class PricingController {

	private final CannedJson prices;

	PricingController(DemoDataset dataset, JsonMapper mapper) {
		this.prices = CannedJson.of(mapper, dataset.products(), Product::id, PricingController::priceOf);
	}

	@GetMapping("/pricing/prices/{productId}")
	ResponseEntity<byte[]> price(@PathVariable String productId) {
		return this.prices.answerOrNotFound("product", productId);
	}

	private static Price priceOf(Product product) {
		return new Price(product.id(), product.price().toDecimalString(), product.price().currency());
	}

}
