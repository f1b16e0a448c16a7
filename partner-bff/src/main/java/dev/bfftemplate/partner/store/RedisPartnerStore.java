package dev.bfftemplate.partner.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.bfftemplate.starter.redis.RedisStartupConnection;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * The partner store in Redis, one round trip per question (atomic Lua scripts). Keys are
 * names, addresses and partner ids under configured prefixes: never an API key.
 */
class RedisPartnerStore implements PartnerStore {

	private static final RedisScript<Long> COUNT_FAILURE = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return count""", Long.class);

	// A refused request is not counted, so that a partner calling past its quota does not
	// push its own reset further away. Each window has its own key; expiry only cleans
	// up.
	private static final RedisScript<List<Long>> CONSUME = RedisScript.of("""
			local second = tonumber(redis.call('GET', KEYS[1]) or '0')
			local day = tonumber(redis.call('GET', KEYS[2]) or '0')
			if second >= tonumber(ARGV[1]) or day >= tonumber(ARGV[2]) then
			  return {0, second, day}
			end
			second = redis.call('INCR', KEYS[1])
			if second == 1 then redis.call('EXPIRE', KEYS[1], 10) end
			day = redis.call('INCR', KEYS[2])
			if day == 1 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
			return {1, second, day}""", asListOfLongs());

	private final ReactiveStringRedisTemplate redis;

	private final RedisStartupConnection connection;

	private final PartnerStoreKeys keys;

	RedisPartnerStore(ReactiveStringRedisTemplate redis, RedisStartupConnection connection, PartnerStoreKeys keys) {
		this.redis = redis;
		this.connection = connection;
		this.keys = keys;
	}

	@Override
	public Mono<Boolean> isRevoked(String keyName) {
		return this.connection.ifConnected(() -> this.redis.opsForSet().isMember(this.keys.revokedKeys(), keyName));
	}

	@Override
	public Mono<Void> countFailure(String address, Duration window) {
		return this.connection.ifConnected(() -> this.redis
			.execute(COUNT_FAILURE, List.of(this.keys.failures(address)), List.of(Long.toString(window.toMillis())))
			.then());
	}

	@Override
	public Mono<Duration> failureWindowLeft(String address, long limit) {
		String key = this.keys.failures(address);
		return this.connection.ifConnected(() -> this.redis.opsForValue()
			.get(key)
			.filter((count) -> Long.parseLong(count) >= limit)
			.flatMap((count) -> this.redis.getExpire(key)));
	}

	@Override
	public Mono<QuotaCounts> consume(String partnerId, long epochSecond, long perSecond, long perDay,
			Duration dayLeft) {
		List<String> keys = List.of(this.keys.quotaSecond(partnerId, epochSecond),
				this.keys.quotaDay(partnerId, epochSecond));
		List<String> args = List.of(Long.toString(perSecond), Long.toString(perDay),
				Long.toString(dayLeft.toSeconds() + 60));
		return this.connection
			.ifConnected(() -> this.redis.execute(CONSUME, keys, args).reduce(new ArrayList<Long>(), (all, part) -> {
				all.addAll(part);
				return all;
			}))
			.map((counts) -> new QuotaCounts(counts.get(0) == 1, counts.get(1), counts.get(2)));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class<List<Long>> asListOfLongs() {
		return (Class) List.class;
	}

}
