package dev.bfftemplate.mobile.product;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bfftemplate.starter.fanout.Warning;

/**
 * A product card: what the app shows of a product, no more.
 *
 * @param id the product id
 * @param name its name
 * @param imageUrl its image
 * @param price its price, a decimal string
 * @param currency ISO 4217 code
 * @param inStock whether it can be ordered now; left out with a warning when the
 * inventory is unavailable
 * @param rating average and count of its ratings; left out with a warning when the
 * reviews are unavailable
 * @param reviews a few recent review snippets
 * @param warnings what is missing or stale, left out when the answer is complete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProductCard(String id, String name, URI imageUrl, String price, String currency, Boolean inStock, Rating rating,
		List<ReviewSnippet> reviews, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {

	/**
	 * Ratings of a product.
	 *
	 * @param average the average, 1 to 5, left out without ratings
	 * @param count how many
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Rating(BigDecimal average, int count) {

	}

	/**
	 * One review, shortened to its title.
	 *
	 * @param author the author's first name and initial
	 * @param rating 1 to 5 stars
	 * @param title the one-line summary
	 */
	record ReviewSnippet(String author, int rating, String title) {

	}

}
