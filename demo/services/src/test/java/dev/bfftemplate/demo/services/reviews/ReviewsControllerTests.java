package dev.bfftemplate.demo.services.reviews;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Product;
import dev.bfftemplate.demo.services.data.Review;
import dev.bfftemplate.demo.services.reviews.ReviewSummary.RecentReview;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@WebFluxTest(ReviewsController.class)
@Import(DemoDataConfiguration.class)
class ReviewsControllerTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DemoDataset dataset;

	@Test
	void summaryHasTheAverageTheCountAndTheNewestReviews() {
		Product product = productWithReviews(4);
		List<Review> reviews = this.dataset.reviewsOf(product.id());
		ReviewSummary summary = reviews(product.id(), 3);
		assertThat(summary.count()).isEqualTo(reviews.size());
		double mean = reviews.stream().mapToInt(Review::rating).average().orElseThrow();
		assertThat(summary.averageRating()).isNotNull();
		assertThat(summary.averageRating().doubleValue()).isCloseTo(mean, within(0.05));
		assertThat(summary.averageRating().scale()).isEqualTo(1);
		assertThat(summary.recent()).hasSize(3)
			.isSortedAccordingTo(Comparator.comparing(RecentReview::createdAt).reversed())
			.allSatisfy((review) -> assertThat(review.rating()).isBetween(1, 5));
		assertThat(summary.recent().get(0).id()).isEqualTo(reviews.get(0).id());
	}

	@Test
	void authorsAreShownByFirstNameAndInitialOnly() {
		ReviewSummary summary = reviews(productWithReviews(1).id(), 50);
		assertThat(summary.recent()).allSatisfy((review) -> assertThat(review.author()).matches("\\S+ [A-Z]\\."));
	}

	@Test
	void productWithoutReviewsHasNoAverage() {
		Product product = this.dataset.products()
			.stream()
			.filter((candidate) -> this.dataset.reviewsOf(candidate.id()).isEmpty())
			.findFirst()
			.orElseThrow();
		ReviewSummary summary = reviews(product.id(), 5);
		assertThat(summary.count()).isZero();
		assertThat(summary.averageRating()).isNull();
		assertThat(summary.recent()).isEmpty();
	}

	@Test
	void limitIsBounded() {
		this.client.get()
			.uri("/reviews/products/p-001?limit=51")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		this.client.get()
			.uri("/reviews/products/p-999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private ReviewSummary reviews(String productId, int limit) {
		ReviewSummary summary = this.client.get()
			.uri("/reviews/products/{id}?limit={limit}", productId, limit)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ReviewSummary.class)
			.returnResult()
			.getResponseBody();
		assertThat(summary).isNotNull();
		assertThat(summary.productId()).isEqualTo(productId);
		return summary;
	}

	private Product productWithReviews(int atLeast) {
		return this.dataset.products()
			.stream()
			.filter((product) -> this.dataset.reviewsOf(product.id()).size() >= atLeast)
			.findFirst()
			.orElseThrow();
	}

}
