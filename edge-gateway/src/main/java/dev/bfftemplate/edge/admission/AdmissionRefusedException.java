package dev.bfftemplate.edge.admission;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the edge did not forward because its upstream's queue was full or it waited
 * there too long: 503 ({@code upstream-busy}) with {@code Retry-After}. The upstream
 * never saw it, so retrying it is safe whatever its method.
 */
class AdmissionRefusedException extends ErrorResponseException {

	private final Reason reason;

	AdmissionRefusedException(Reason reason, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
		this.reason = reason;
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is busy and the request was not forwarded. Retry it later.");
		problem.setProperty("code", "upstream-busy");
		return problem;
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * Why a request was refused.
	 */
	enum Reason {

		/**
		 * The queue held {@code edge.admission.max-queue-length} requests already.
		 */
		QUEUE_FULL("queue-full"),

		/**
		 * The request waited {@code edge.admission.max-queue-wait} without its turn.
		 */
		QUEUE_WAIT("queue-wait");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

		String tag() {
			return this.tag;
		}

	}

}
