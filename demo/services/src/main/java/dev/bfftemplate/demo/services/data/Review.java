package dev.bfftemplate.demo.services.data;

import java.time.Instant;

/**
 * A customer's review of a product.
 *
 * @param id review id, {@code r-<number>}
 * @param productId reviewed product
 * @param customerId author
 * @param rating 1 to 5 stars
 * @param title one-line summary
 * @param comment review text
 * @param createdAt when it was written
 */
public record Review(String id, String productId, String customerId, int rating, String title, String comment,
		Instant createdAt) {

}
