package dev.bfftemplate.edge.problem;

import org.springframework.http.HttpStatus;

/**
 * The fixed wording of the server-side problems the edge answers with. Clients branch on
 * {@code code}; the detail never carries an exception message.
 *
 * @param code the stable problem code
 * @param detail the human-readable explanation
 */
record EdgeProblem(String code, String detail) {

	static EdgeProblem forStatus(HttpStatus status) {
		return switch (status) {
			case SERVICE_UNAVAILABLE ->
				new EdgeProblem("upstream-unavailable", "The service is temporarily unavailable. Try again later.");
			case GATEWAY_TIMEOUT -> new EdgeProblem("upstream-timeout", "The service did not answer in time.");
			case BAD_GATEWAY -> new EdgeProblem("upstream-error", "The service gave no valid answer.");
			default -> new EdgeProblem("internal-error", "The request could not be processed.");
		};
	}

}
