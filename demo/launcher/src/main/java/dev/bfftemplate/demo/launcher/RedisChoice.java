package dev.bfftemplate.demo.launcher;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Whether the stack shares a Redis or keeps sessions, limits, quotas and idempotency keys
 * in each application's memory.
 *
 * @param url the Redis URL, or {@code null} for in-memory stores
 * @param sessionKey Base64 of the AES key that encrypts the web BFF's sessions in Redis
 */
record RedisChoice(String url, String sessionKey) {

	static final String URL_VARIABLE = "BFF_REDIS_URL";

	static final String SESSION_KEY_VARIABLE = "WEB_BFF_SESSION_ENCRYPTION_KEY";

	RedisChoice(String url) {
		this(url, null);
	}

	static RedisChoice from(String option, Map<String, String> environment) {
		String url = firstNonBlank(option, environment.get(URL_VARIABLE));
		String host = environment.get("SPRING_DATA_REDIS_HOST");
		if (url == null && host != null && !host.isBlank()) {
			url = "redis://" + host + ":" + environment.getOrDefault("SPRING_DATA_REDIS_PORT", "6379");
		}
		if (url == null) {
			return new RedisChoice(null, null);
		}
		// Sessions in Redis are encrypted: without a configured key, a demo run makes one
		// up,
		// and its sessions last as long as the run.
		String key = firstNonBlank(environment.get(SESSION_KEY_VARIABLE), null);
		return new RedisChoice(url, (key != null) ? key : newSessionKey());
	}

	private static String firstNonBlank(String first, String second) {
		if (first != null && !first.isBlank()) {
			return first;
		}
		return (second != null && !second.isBlank()) ? second : null;
	}

	private static String newSessionKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
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

	List<String> webBffArguments() {
		return (this.sessionKey != null) ? List.of("--web-bff.session.encryption-key=" + this.sessionKey) : List.of();
	}

	String describe() {
		return configured()
				? "Redis at " + this.url
						+ " is shared by every application (sessions, rate limits, quotas, idempotency keys)."
				: "No Redis configured: sessions, rate limits, quotas and idempotency keys are kept in memory, one instance each. "
						+ "Set " + URL_VARIABLE + "=redis://localhost:6379 (or pass --redis=...) to share them.";
	}

}
