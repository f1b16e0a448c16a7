package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.bfftemplate.starter.redis.RedisStartupConnection;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps keys in Redis, shared by every instance of the application: one atomic script
 * call per operation, each bounded by {@code bff.idempotency.store.timeout}. A record is
 * stored as JSON under a key that is a hash, never the client's key.
 * <p>
 * Spring Data Redis opens its shared connection on first use, synchronously: on an event
 * loop, that would stall every request the loop serves. So the connection is opened at
 * start, and the application does not start when Redis cannot be reached; once open,
 * Lettuce reconnects by itself.
 *
 * @author BFF template
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

	// An empty answer means stored: a nil reply does not come through as a value.
	private static final RedisScript<String> PUT_IF_ABSENT = RedisScript.of("""
			local existing = redis.call('GET', KEYS[1])
			if existing then return existing end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return ''
			""", String.class);

	private static final RedisScript<Long> REPLACE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			return 1
			""", Long.class);

	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
			return redis.call('DEL', KEYS[1])
			""", Long.class);

	private final RedisStartupConnection connection;

	private final ReactiveStringRedisTemplate redis;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Create a store.
	 * @param connectionFactory the connection to Redis
	 * @param connection the connection opened at start, which commands wait for
	 * @param timeout bound of each command
	 */
	public RedisIdempotencyStore(ReactiveRedisConnectionFactory connectionFactory, RedisStartupConnection connection,
			Duration timeout) {
		this.connection = connection;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.timeout = timeout;
	}

	@Override
	public Mono<IdempotencyRecord> putIfAbsent(String key, IdempotencyRecord record, Duration ttl) {
		return this.connection
			.ifConnected(
					() -> this.redis.execute(PUT_IF_ABSENT, List.of(key), List.of(write(record), millis(ttl))).next())
			.filter((existing) -> !existing.isEmpty())
			.map(this::read)
			.timeout(this.timeout);
	}

	@Override
	public Mono<Boolean> replace(String key, IdempotencyRecord expected, IdempotencyRecord record, Duration ttl) {
		return this.connection
			.ifConnected(() -> this.redis
				.execute(REPLACE, List.of(key), List.of(write(expected), write(record), millis(ttl)))
				.next())
			.map((replaced) -> replaced == 1)
			.timeout(this.timeout);
	}

	@Override
	public Mono<Boolean> remove(String key, IdempotencyRecord expected) {
		return this.connection
			.ifConnected(() -> this.redis.execute(REMOVE, List.of(key), List.of(write(expected))).next())
			.map((removed) -> removed == 1)
			.timeout(this.timeout);
	}

	private String write(IdempotencyRecord record) {
		return this.json.writeValueAsString(record);
	}

	private IdempotencyRecord read(String value) {
		return this.json.readValue(value, IdempotencyRecord.class);
	}

	private static String millis(Duration ttl) {
		return String.valueOf(ttl.toMillis());
	}

}
