package dev.bfftemplate.partner.contract;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Ids as they may appear in a downstream path: letters, digits and dashes only, so that
 * nothing from the request can reshape a downstream URL. Any other id names nothing, and
 * is answered exactly like a missing resource.
 */
public final class ResourceIds {

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private ResourceIds() {
	}

	/**
	 * Returns the id when it is well-formed.
	 * @param id the id from the path
	 * @return the id
	 * @throws ErrorResponseException 404 when it is not
	 */
	public static String require(String id) {
		if (!SHAPE.matcher(id).matches()) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null);
		}
		return id;
	}

}
