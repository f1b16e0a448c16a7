package dev.bfftemplate.mobile.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems mobile-bff answers itself: RFC 9457 with a {@code type} naming the kind of
 * problem ({@code /problems/<kind>}), which the app can act on.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * A problem for a controller to throw; Spring WebFlux renders it with the request's
	 * {@code traceId}.
	 * @param status the status
	 * @param kind the last segment of the problem type
	 * @param detail a sentence for the client
	 * @param properties extra members of the problem
	 * @return the exception
	 */
	public static ErrorResponseException of(HttpStatus status, String kind, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = detail(status, kind, detail);
		properties.forEach(problem::setProperty);
		return new ErrorResponseException(status, problem, null);
	}

	static ProblemDetail detail(HttpStatus status, String kind, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + kind));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
