package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;

/**
 * Writes the {@code RateLimit-Policy} and {@code RateLimit} fields of the IETF RateLimit
 * header fields draft for one policy.
 */
final class RateLimitHeaders {

	static final String POLICY = "RateLimit-Policy";

	static final String LIMIT = "RateLimit";

	private final String name;

	private final String policyValue;

	RateLimitHeaders(String name, RateLimitProperties.Policy policy) {
		this.name = name;
		this.policyValue = "\"" + name + "\";q=" + policy.limit() + ";w=" + seconds(policy.window());
	}

	void writeTo(HttpHeaders headers, long remaining, Duration resetsIn) {
		headers.set(POLICY, this.policyValue);
		headers.set(LIMIT, "\"" + this.name + "\";r=" + remaining + ";t=" + seconds(resetsIn));
	}

	/**
	 * Whole seconds, rounded up: a client waiting that long is never early.
	 */
	static long seconds(Duration duration) {
		long seconds = duration.toSeconds();
		return (duration.toNanosPart() > 0 || seconds == 0) ? seconds + 1 : seconds;
	}

}
