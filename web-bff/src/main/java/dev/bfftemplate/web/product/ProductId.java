package dev.bfftemplate.web.product;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A product id as it may appear in a downstream path: letters, digits and dashes only, so
 * nothing from the request can reshape the downstream URL.
 *
 * @param value the id
 */
record ProductId(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,64}");

	ProductId {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a product id");
		}
	}

}
