package dev.bfftemplate.demo.services.reviews;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.NotFoundException;
import dev.bfftemplate.demo.services.data.Review;
import dev.bfftemplate.demo.services.reviews.ReviewSummary.RecentReview;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

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

	private final DemoDataset dataset;

	ReviewsController(DemoDataset dataset) {
		this.dataset = dataset;
	}

	@GetMapping("/reviews/products/{productId}")
	ReviewSummary reviews(@PathVariable String productId,
			@RequestParam(defaultValue = "5") @Min(0) @Max(MAX_LIMIT) int limit) {
		if (this.dataset.product(productId).isEmpty()) {
			throw new NotFoundException("product", productId);
		}
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
