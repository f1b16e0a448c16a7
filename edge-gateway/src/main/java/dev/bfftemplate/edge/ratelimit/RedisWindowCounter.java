package dev.bfftemplate.edge.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts in Redis with one atomic script call per request, so every edge instance sharing
 * the Redis shares the limit.
 */
class RedisWindowCounter implements WindowCounter {

	// Read once, as text: a script built from a Resource re-checks the file's (here: the
	// jar
	// entry's) last-modified time on every call to know whether its SHA-1 is still valid.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = RedisScript.of(read("ratelimit/fixed-window.lua"), List.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	RedisWindowCounter(ReactiveStringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Mono<WindowCount> increment(String key, Duration window) {
		return this.redis.execute(SCRIPT, List.of(this.keyPrefix + key), List.of(String.valueOf(window.toMillis())))
			.next()
			.map((result) -> new WindowCount(((Number) result.get(0)).longValue(),
					Duration.ofMillis(((Number) result.get(1)).longValue())));
	}

	private static String read(String location) {
		try {
			return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the rate limit script " + location, ex);
		}
	}

}
