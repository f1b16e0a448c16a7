package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of the edge, referenced from routes with the {@code RateLimit=<policy>}
 * filter.
 *
 * @param onStoreFailure what to do when the shared counter store (Redis) fails
 * @param apiKeyHeader the request header carrying a partner's API key
 * @param keyPrefix the prefix of every counter key in Redis
 * @param reconnectInterval the longest wait between two attempts to reach Redis: when the
 * first connection failed, and in Lettuce's reconnect back-off after a lost connection
 * (so the edge uses Redis again at most this long after it is back)
 * @param policies the named policies
 */
@ConfigurationProperties("edge.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("allow") StoreFailureMode onStoreFailure,
		@DefaultValue("X-API-Key") String apiKeyHeader, @DefaultValue("edge:rate-limit:") String keyPrefix,
		@DefaultValue("1s") Duration reconnectInterval, @DefaultValue Map<String, @Valid Policy> policies) {

	/**
	 * One rate limit: at most {@code limit} requests per client in each {@code window}.
	 *
	 * @param limit the requests allowed per window
	 * @param window the window length
	 */
	public record Policy(@Positive long limit, @DefaultValue("1s") Duration window) {

	}

	/**
	 * The behaviour when the counter store fails.
	 */
	public enum StoreFailureMode {

		/**
		 * Let the request through, log a warning and count it (fail open).
		 */
		ALLOW,

		/**
		 * Refuse the request with 503 (fail closed).
		 */
		REJECT

	}

}
