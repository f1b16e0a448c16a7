package dev.bfftemplate.starter.fanout;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A {@link Policy#REQUIRED} part failed, rendered as an RFC 9457 problem: 504 on timeout,
 * 503 when the breaker is open or the call was rejected, 502 for any other failure. The
 * problem names the dependency and the reason, never a host, a stack trace or a
 * downstream body.
 *
 * @author BFF template
 */
public class DependencyFailureException extends ErrorResponseException {

	private final String dependency;

	private final Reason reason;

	/**
	 * Create a new instance.
	 * @param dependency the downstream that failed
	 * @param reason why it failed
	 * @param traceId the request's trace id, if known
	 * @param cause the failure, for logs only
	 */
	public DependencyFailureException(String dependency, Reason reason, @Nullable String traceId,
			@Nullable Throwable cause) {
		super(statusOf(reason), problem(dependency, reason, traceId), cause);
		this.dependency = dependency;
		this.reason = reason;
	}

	private static ProblemDetail problem(String dependency, Reason reason, @Nullable String traceId) {
		HttpStatus status = statusOf(reason);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"A dependency of this resource is unavailable: " + dependency + " (" + reason + ")");
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("dependency", dependency);
		problem.setProperty("reason", reason.value());
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		return problem;
	}

	static HttpStatus statusOf(Reason reason) {
		return switch (reason) {
			case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
			case CIRCUIT_OPEN, REJECTED -> HttpStatus.SERVICE_UNAVAILABLE;
			case ERROR, STALE -> HttpStatus.BAD_GATEWAY;
		};
	}

	/**
	 * The downstream that failed.
	 * @return its name
	 */
	public String getDependency() {
		return this.dependency;
	}

	/**
	 * Why it failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

}
