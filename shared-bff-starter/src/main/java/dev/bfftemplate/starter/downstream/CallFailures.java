package dev.bfftemplate.starter.downstream;

import java.io.IOException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Sorts the ways a downstream call fails.
 *
 * @author BFF template
 */
public final class CallFailures {

	private CallFailures() {
	}

	/**
	 * Whether the downstream answered that the resource does not exist: data, not an
	 * outage.
	 * @param failure the failure of a call
	 * @return {@code true} for a 404 answer
	 */
	public static boolean isNotFound(Throwable failure) {
		return failure instanceof WebClientResponseException response
				&& response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND);
	}

	/**
	 * Whether the downstream answered with a 4xx: the downstream is healthy, the breaker
	 * must not count it.
	 * @param failure the failure of a call
	 * @return {@code true} for a 4xx answer
	 */
	public static boolean isClientError(Throwable failure) {
		return failure instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError();
	}

	/**
	 * Whether the call took too long: the call's timeout or the request deadline passed,
	 * or the client's read timeout fired.
	 * @param failure the failure of a call
	 * @return {@code true} for a timeout
	 */
	public static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.util.concurrent.TimeoutException
					|| cause instanceof io.netty.handler.timeout.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the breaker was open so the call was not made.
	 * @param failure the failure of a call
	 * @return {@code true} when the breaker refused the call
	 */
	public static boolean isCircuitOpen(Throwable failure) {
		return failure instanceof CallNotPermittedException;
	}

	/**
	 * Whether the concurrency limit was reached so the call was not made.
	 * @param failure the failure of a call
	 * @return {@code true} when the concurrency limit refused the call
	 */
	public static boolean isRejected(Throwable failure) {
		return failure instanceof ConcurrencyLimitExceededException;
	}

	/**
	 * Whether the failure says the downstream is overloaded: the call timed out, or the
	 * downstream answered 429 or 503. Such failures shrink its concurrency limit.
	 * @param failure the failure of a call
	 * @return {@code true} for a sign of overload
	 */
	public static boolean isOverload(Throwable failure) {
		return isTimeout(failure) || (failure instanceof WebClientResponseException response
				&& (response.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)
						|| response.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE)));
	}

	/**
	 * Whether the failure is one a downstream call is expected to meet now and then: an
	 * answer with an error status, a refused, reset or closed connection, a timeout, an
	 * open breaker, the concurrency limit, a malformed or too large body. Anything else
	 * is a defect of the application.
	 * @param failure the failure of a call
	 * @return {@code true} for an expected failure
	 */
	public static boolean isExpected(Throwable failure) {
		if (failure instanceof WebClientException || failure instanceof CodecException
				|| failure instanceof DataBufferLimitException || isTimeout(failure) || isCircuitOpen(failure)
				|| isRejected(failure)) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	static CallOutcome outcomeOf(Throwable failure) {
		if (isNotFound(failure)) {
			return CallOutcome.NOT_FOUND;
		}
		if (isClientError(failure)) {
			return CallOutcome.CLIENT_ERROR;
		}
		if (isTimeout(failure)) {
			return CallOutcome.TIMEOUT;
		}
		return CallOutcome.ERROR;
	}

}
