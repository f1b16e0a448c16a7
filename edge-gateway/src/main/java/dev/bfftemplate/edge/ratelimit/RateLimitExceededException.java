package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client went over a rate limit: 429 ({@code quota-exceeded}) with {@code Retry-After}
 * and the IETF {@code RateLimit}/{@code RateLimit-Policy} fields. Raised as an exception
 * (rather than committing the 429 in the filter, as Spring Cloud Gateway's
 * {@code RequestRateLimiter} does) so the edge's error handling writes a problem body.
 */
class RateLimitExceededException extends ErrorResponseException {

	RateLimitExceededException(RateLimitHeaders rateLimitHeaders, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfter), null);
		HttpHeaders headers = getHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RateLimitHeaders.seconds(retryAfter)));
		rateLimitHeaders.writeTo(headers, 0, retryAfter);
	}

	private static ProblemDetail problem(Duration retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests. Retry after " + RateLimitHeaders.seconds(retryAfter) + " seconds.");
		problem.setProperty("code", "quota-exceeded");
		return problem;
	}

}
