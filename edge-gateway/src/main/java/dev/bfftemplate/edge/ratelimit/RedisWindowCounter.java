package dev.bfftemplate.edge.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts in Redis with one atomic script call per request, so every edge instance sharing
 * the Redis shares the limit.
 * <p>
 * Spring Data Redis opens its shared connection on first use, synchronously: on an event
 * loop that first use would stall every request the loop serves, for up to the Redis
 * timeouts when Redis is unreachable or does not answer. So the connection is opened at
 * start, before the server takes traffic; while it is not open, requests do not wait for
 * it (they count as a store failure, see {@code edge.rate-limit.on-store-failure}) and a
 * new attempt is made off the event loop at most once per
 * {@code edge.rate-limit.reconnect-interval}. Once open, Lettuce reconnects by itself,
 * waiting at most as long between attempts (see {@link RateLimitConfiguration}).
 */
class RedisWindowCounter implements WindowCounter, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisWindowCounter.class);

	// After the connection factory (phase 0), long before the web server starts.
	private static final int PHASE = 1;

	// Read once, as text: a script built from a Resource re-checks the file's (here: the
	// jar entry's) last-modified time on every call to know whether its SHA-1 is valid.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = RedisScript.of(read("ratelimit/fixed-window.lua"), List.class);

	private final ReactiveStringRedisTemplate redis;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String keyPrefix;

	private final long reconnectIntervalNanos;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile boolean connected;

	private volatile long lastAttempt;

	// only the starting thread and then one background attempt at a time change it
	private volatile int connectFailures;

	private volatile boolean running;

	RedisWindowCounter(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connectionFactory,
			String keyPrefix, Duration reconnectInterval) {
		this.redis = redis;
		this.connectionFactory = connectionFactory;
		this.keyPrefix = keyPrefix;
		this.reconnectIntervalNanos = reconnectInterval.toNanos();
		this.lastAttempt = System.nanoTime() - this.reconnectIntervalNanos;
	}

	@Override
	public Mono<WindowCount> increment(String key, Duration window) {
		if (!this.connected) {
			connectInBackground();
			return Mono.error(new RedisConnectionFailureException("Not connected to Redis"));
		}
		return this.redis.execute(SCRIPT, List.of(this.keyPrefix + key), List.of(String.valueOf(window.toMillis())))
			.next()
			.map((result) -> new WindowCount(((Number) result.get(0)).longValue(),
					Duration.ofMillis(((Number) result.get(1)).longValue())));
	}

	@Override
	public void start() {
		// on the starting thread: bounded by spring.data.redis.connect-timeout and
		// timeout
		connect();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void connectInBackground() {
		if (System.nanoTime() - this.lastAttempt < this.reconnectIntervalNanos
				|| !this.connecting.compareAndSet(false, true)) {
			return;
		}
		Schedulers.boundedElastic().schedule(() -> {
			try {
				connect();
			}
			finally {
				this.connecting.set(false);
			}
		});
	}

	private void connect() {
		this.lastAttempt = System.nanoTime();
		try (ReactiveRedisConnection connection = this.connectionFactory.getReactiveConnection()) {
			this.connected = true;
			logger.info("Connected to Redis: rate limits are shared by every edge instance");
		}
		catch (RuntimeException ex) {
			// once, not at every attempt
			if (this.connectFailures++ == 0) {
				logger.warn("Cannot connect to Redis, rate limits fail as edge.rate-limit.on-store-failure says until "
						+ "it can: " + ex);
			}
		}
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
