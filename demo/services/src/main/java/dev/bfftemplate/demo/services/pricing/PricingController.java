package dev.bfftemplate.demo.services.pricing;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Money;
import dev.bfftemplate.demo.services.data.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prices per product.
 */
@RestController
class PricingController {

	private final DemoDataset dataset;

	PricingController(DemoDataset dataset) {
		this.dataset = dataset;
	}

	@GetMapping("/pricing/prices/{productId}")
	Price price(@PathVariable String productId) {
		Money price = this.dataset.product(productId)
			.orElseThrow(() -> new NotFoundException("product", productId))
			.price();
		return new Price(productId, price.toDecimalString(), price.currency());
	}

}
