package dev.bfftemplate.starter.redis;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the Redis connection is opened at start, under {@code bff.redis.startup}: attempt
 * after attempt, each bounded by {@code spring.data.redis.connect-timeout} and
 * {@code spring.data.redis.timeout} (the handshake), with a back-off between them that
 * doubles from {@code initial-backoff} up to {@code max-backoff}. Until an attempt
 * succeeds the application runs with readiness {@code OUT_OF_SERVICE}.
 *
 * @param initialBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between two attempts: the most that readiness lags
 * behind Redis answering
 * @author BFF template
 */
@ConfigurationProperties("bff.redis.startup")
@Validated
public record RedisStartupProperties(@DefaultValue("200ms") @NotNull Duration initialBackoff,
		@DefaultValue("5s") @NotNull Duration maxBackoff) {

	/**
	 * Checks the back-off bounds.
	 * @param initialBackoff the wait after the first failed attempt
	 * @param maxBackoff the longest wait between two attempts
	 */
	public RedisStartupProperties {
		if (initialBackoff != null && (initialBackoff.isNegative() || initialBackoff.isZero())) {
			throw new IllegalArgumentException("bff.redis.startup.initial-backoff must be positive");
		}
		if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(
					"bff.redis.startup.max-backoff must not be shorter than bff.redis.startup.initial-backoff");
		}
	}

}
