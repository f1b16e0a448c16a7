package dev.bfftemplate.demo.services.recommendations;

import dev.bfftemplate.demo.services.data.CannedJson;
import dev.bfftemplate.demo.services.data.Customer;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import dev.bfftemplate.demo.services.recommendations.Recommendations.RecommendedProduct;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
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

	static final int DEFAULT_LIMIT = 10;

	private final DemoDataset dataset;

	private final Recommender recommender;

	private final JsonMapper mapper;

	/**
	 * The answers at the default limit, the one the BFFs ask for: only seeded orders
	 * count, so they never change.
	 */
	private final CannedJson defaultRecommendations;

	RecommendationsController(DemoDataset dataset, Recommender recommender, JsonMapper mapper) {
		this.dataset = dataset;
		this.recommender = recommender;
		this.mapper = mapper;
		this.defaultRecommendations = CannedJson.of(mapper, dataset.customers(), Customer::id,
				(customer) -> recommend(customer.id(), DEFAULT_LIMIT));
	}

	@GetMapping("/recommendations/customers/{customerId}")
	ResponseEntity<byte[]> recommendations(@PathVariable String customerId,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
		ResponseEntity<byte[]> canned = (limit == DEFAULT_LIMIT) ? this.defaultRecommendations.answer(customerId)
				: null;
		if (canned != null) {
			return canned;
		}
		if (this.dataset.customer(customerId).isEmpty()) {
			throw new NotFoundException("customer", customerId);
		}
		return CannedJson.ok(this.mapper.writeValueAsBytes(recommend(customerId, limit)));
	}

	private Recommendations recommend(String customerId, int limit) {
		return new Recommendations(customerId,
				this.recommender.recommend(customerId, limit)
					.stream()
					.map((product) -> new RecommendedProduct(product.id(), product.name()))
					.toList());
	}

}
