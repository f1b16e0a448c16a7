package dev.bfftemplate.demo.services.reviews;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Ratings of one product.
 *
 * @param productId product id
 * @param averageRating mean rating rounded to one decimal, {@code null} when there are no
 * reviews
 * @param count number of reviews
 * @param recent the newest reviews, newest first
 */
record ReviewSummary(String productId, @Nullable BigDecimal averageRating, int count, List<RecentReview> recent) {

	/**
	 * One review as shown to shoppers.
	 *
	 * @param id review id
	 * @param author the author's first name and last initial, never the full name
	 * @param rating 1 to 5 stars
	 * @param title one-line summary
	 * @param comment review text
	 * @param createdAt when it was written
	 */
	record RecentReview(String id, String author, int rating, String title, String comment, Instant createdAt) {

	}

}
