package dev.bfftemplate.starter.tokenhandler.token;

import dev.bfftemplate.starter.redis.RedisStartupConnection;
import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * A refresh lease in Redis: {@code SET key owner NX PX timeout}, so that a holder that
 * dies frees it after {@code bff.token-handler.tokens.refresh-lease-timeout}; released
 * only by its owner (compare and delete in one script), never a lease another instance
 * took after this one's expired. Reached only once {@link RedisStartupConnection} has
 * opened the connection (never opened on an event loop).
 */
class RedisRefreshLease implements RefreshLease {

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end""",
			Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisStartupConnection connection;

	private final TokenHandlerProperties.Tokens properties;

	// One per instance, made at start (not on an event loop): an instance holds at most
	// one
	// lease per session, its refreshes being single-flight per session already.
	private final String owner = UUID.randomUUID().toString();

	RedisRefreshLease(ReactiveStringRedisTemplate redis, RedisStartupConnection connection,
			TokenHandlerProperties.Tokens properties) {
		this.redis = redis;
		this.connection = connection;
		this.properties = properties;
	}

	@Override
	public Mono<Boolean> acquire(String sessionId) {
		return this.connection
			.ifConnected(() -> this.redis.opsForValue()
				.setIfAbsent(key(sessionId), this.owner, this.properties.refreshLeaseTimeout()))
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<Void> release(String sessionId) {
		return this.connection
			.ifConnected(() -> this.redis.execute(RELEASE, List.of(key(sessionId)), List.of(this.owner)).then());
	}

	private String key(String sessionId) {
		return this.properties.refreshLeaseKeyPrefix() + sessionId;
	}

}
