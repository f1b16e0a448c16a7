package dev.bfftemplate.partner.identity;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties.FailedAttempts;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Failed authentications per client address, in Redis so that every instance counts the
 * same attempts. The window starts at an address's first failure.
 */
class FailedAuthentications {

	private static final RedisScript<Long> COUNT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return count""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final FailedAttempts settings;

	private final String apiKeyHeader;

	FailedAuthentications(ReactiveStringRedisTemplate redis, PartnerIdentityProperties properties) {
		this.redis = redis;
		this.settings = properties.failedAttempts();
		this.apiKeyHeader = properties.apiKeyHeader();
	}

	/**
	 * Whether the exchange tries to authenticate (an API key or a bearer token): only
	 * such requests count, and only they are refused past the limit.
	 * @param exchange the exchange
	 * @return whether it presents credentials
	 */
	boolean isAttempt(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(this.apiKeyHeader);
	}

	/**
	 * Counts one failure of the exchange's client address.
	 * @param exchange the failed exchange
	 * @return completion
	 */
	Mono<Void> record(ServerWebExchange exchange) {
		return this.redis
			.execute(COUNT, List.of(key(exchange)), List.of(Long.toString(this.settings.window().toMillis())))
			.then();
	}

	/**
	 * How long the exchange's client address must wait, when it is past the limit.
	 * @param exchange the exchange
	 * @return the wait, empty when the address may try
	 */
	Mono<Duration> blockedFor(ServerWebExchange exchange) {
		String key = key(exchange);
		return this.redis.opsForValue()
			.get(key)
			.filter((count) -> Long.parseLong(count) >= this.settings.limit())
			.flatMap((count) -> this.redis.getExpire(key))
			.map((ttl) -> ttl.isNegative() ? this.settings.window() : ttl);
	}

	private String key(ServerWebExchange exchange) {
		// The host string: an address taken from X-Forwarded-For is unresolved
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote != null) ? remote.getHostString() : "unknown";
		return this.settings.redisKeyPrefix() + address;
	}

}
