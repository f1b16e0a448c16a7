package dev.bfftemplate.demo.services.recommendations;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import dev.bfftemplate.demo.services.recommendations.Recommendations.RecommendedProduct;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product recommendations per customer.
 */
@RestController
class RecommendationsController {

	static final int MAX_LIMIT = 50;

	private final DemoDataset dataset;

	private final Recommender recommender;

	RecommendationsController(DemoDataset dataset, Recommender recommender) {
		this.dataset = dataset;
		this.recommender = recommender;
	}

	@GetMapping("/recommendations/customers/{customerId}")
	Recommendations recommendations(@PathVariable String customerId,
			@RequestParam(defaultValue = "10") @Min(1) @Max(MAX_LIMIT) int limit) {
		if (this.dataset.customer(customerId).isEmpty()) {
			throw new NotFoundException("customer", customerId);
		}
		return new Recommendations(customerId,
				this.recommender.recommend(customerId, limit)
					.stream()
					.map((product) -> new RecommendedProduct(product.id(), product.name()))
					.toList());
	}

}
