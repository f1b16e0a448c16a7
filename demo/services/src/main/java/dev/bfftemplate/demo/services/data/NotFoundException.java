package dev.bfftemplate.demo.services.data;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a request names an id that does not exist; rendered as a 404
 * {@code application/problem+json}.
 */
public class NotFoundException extends ErrorResponseException {

	/**
	 * Creates an exception for a missing item.
	 * @param kind what was looked up, for example {@code "product"}
	 * @param id the id that was not found
	 */
	public NotFoundException(String kind, String id) {
		super(HttpStatus.NOT_FOUND, problem(kind, id), null);
	}

	private static ProblemDetail problem(String kind, String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No %s with id '%s'".formatted(kind, id));
		problem.setTitle(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " not found");
		return problem;
	}

}
