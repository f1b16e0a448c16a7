package dev.bfftemplate.demo.services.orders;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an order request is well-formed JSON but breaks the order rules; rendered
 * as a 422 {@code application/problem+json} with an {@code errors} list naming each
 * field.
 */
class InvalidOrderException extends ErrorResponseException {

	InvalidOrderException(List<FieldError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(errors), null);
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The order is invalid");
		problem.setTitle("Invalid order");
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * One rejected field.
	 *
	 * @param field name of the field in the request body
	 * @param message why it was rejected
	 */
	record FieldError(String field, String message) {

	}

}
