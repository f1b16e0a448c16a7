package dev.bfftemplate.demo.services.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.bfftemplate.demo.services.data.CannedJson;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import dev.bfftemplate.demo.services.data.Product;
import dev.bfftemplate.demo.services.data.Review;
import dev.bfftemplate.demo.services.reviews.ReviewSummary.RecentReview;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product reviews: the average rating and the newest reviews.
 */
@RestController
class ReviewsController {

	static final int MAX_LIMIT = 50;

	static final int DEFAULT_LIMIT = 5;

	private final DemoDataset dataset;

	private final JsonMapper mapper;

	/** The answers at the default limit, the one the BFFs ask for. */
	private final CannedJson defaultSummaries;

	ReviewsController(DemoDataset dataset, JsonMapper mapper) {
		this.dataset = dataset;
		this.mapper = mapper;
		this.defaultSummaries = CannedJson.of(mapper, dataset.products(), Product::id,
				(product) -> summary(product.id(), DEFAULT_LIMIT));
	}

	@GetMapping("/reviews/products/{productId}")
	ResponseEntity<byte[]> reviews(@PathVariable String productId,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(0) @Max(MAX_LIMIT) int limit) {
		ResponseEntity<byte[]> canned = (limit == DEFAULT_LIMIT) ? this.defaultSummaries.answer(productId) : null;
		if (canned != null) {
			return canned;
		}
		if (this.dataset.product(productId).isEmpty()) {
			throw new NotFoundException("product", productId);
		}
		return CannedJson.ok(this.mapper.writeValueAsBytes(summary(productId, limit)));
	}

	private ReviewSummary summary(String productId, int limit) {
		List<Review> reviews = this.dataset.reviewsOf(productId);
		List<RecentReview> recent = reviews.stream().limit(limit).map(this::recentReview).toList();
		return new ReviewSummary(productId, average(reviews), reviews.size(), recent);
	}

	private @Nullable BigDecimal average(List<Review> reviews) {
		if (reviews.isEmpty()) {
			return null;
		}
		int sum = reviews.stream().mapToInt(Review::rating).sum();
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviews.size()), 1, RoundingMode.HALF_UP);
	}

	private RecentReview recentReview(Review review) {
		return new RecentReview(review.id(), author(review.customerId()), review.rating(), review.title(),
				review.comment(), review.createdAt());
	}

	private String author(String customerId) {
		return this.dataset.customer(customerId).map((customer) -> {
			String[] names = customer.name().split(" ");
			return (names.length > 1) ? names[0] + " " + names[names.length - 1].charAt(0) + "." : names[0];
		}).orElse("Anonymous");
	}

}
