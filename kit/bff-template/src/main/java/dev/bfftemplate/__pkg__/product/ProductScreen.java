package dev.bfftemplate.__pkg__.product;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.bfftemplate.starter.fanout.Warning;

/**
 * The product screen: what the catalog says (required) and the rating (left out with a
 * warning when the reviews service fails).
 *
 * @param id the product id
 * @param name its name
 * @param imageUrl its image
 * @param rating average rating and count, absent when unavailable
 * @param warnings what is missing, empty when the answer is complete
 */
record ProductScreen(String id, String name, URI imageUrl, @JsonInclude(JsonInclude.Include.NON_NULL) Rating rating,
		List<Warning> warnings) {

	/**
	 * @param average the average of all ratings
	 * @param count how many there are
	 */
	record Rating(BigDecimal average, int count) {

	}

}
