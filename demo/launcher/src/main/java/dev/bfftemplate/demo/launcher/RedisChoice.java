package dev.bfftemplate.demo.launcher;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Whether the stack shares a Redis or keeps sessions, limits, quotas and idempotency keys
 * in each application's memory.
 *
 * @param url the Redis URL, or {@code null} for in-memory stores
 */
record RedisChoice(String url) {

	static final String URL_VARIABLE = "BFF_REDIS_URL";

	static RedisChoice from(String option, Map<String, String> environment) {
		if (option != null && !option.isBlank()) {
			return new RedisChoice(option);
		}
		String url = environment.get(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return new RedisChoice(url);
		}
		String host = environment.get("SPRING_DATA_REDIS_HOST");
		if (host != null && !host.isBlank()) {
			return new RedisChoice(
					"redis://" + host + ":" + environment.getOrDefault("SPRING_DATA_REDIS_PORT", "6379"));
		}
		return new RedisChoice(null);
	}

	boolean configured() {
		return this.url != null;
	}

	List<String> arguments() {
		if (!configured()) {
			return List.of();
		}
		URI uri = URI.create(this.url);
		return List.of("--spring.data.redis.host=" + uri.getHost(),
				"--spring.data.redis.port=" + ((uri.getPort() != -1) ? uri.getPort() : 6379));
	}

	String describe() {
		return configured()
				? "Redis at " + this.url
						+ " is shared by every application (sessions, rate limits, quotas, idempotency keys)."
				: "No Redis configured: sessions, rate limits, quotas and idempotency keys are kept in memory, one instance each. "
						+ "Set " + URL_VARIABLE + "=redis://localhost:6379 (or pass --redis=...) to share them.";
	}

}
