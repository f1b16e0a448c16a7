package dev.bfftemplate.starter.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Opens the application's shared Redis connection at start, off the event loops, and
 * keeps trying until Redis answers.
 * <p>
 * Spring Data Redis opens its shared connection on first use, synchronously: on an event
 * loop that would stall every request the loop serves while it connects
 * (spring-data-redis#2289). Its eager initialization avoids that but throws at start when
 * the first attempt fails, and one slow handshake (a busy machine, Redis restarting) then
 * kills the process, however soon Redis would have answered. So the connection is opened
 * here: once on the starting thread, then, if that failed, on a bounded-elastic thread,
 * attempt after attempt with a doubling back-off capped at
 * {@code bff.redis.startup.max-backoff}; the application starts meanwhile with its
 * readiness {@code OUT_OF_SERVICE} (see {@link #isConnected()}), and commands given
 * through {@link #ifConnected(Supplier)} fail at once with a
 * {@link RedisConnectionFailureException} (a 503 to the caller) instead of blocking an
 * event loop on the connection being opened. Once open, Lettuce reconnects the connection
 * by itself: this is about the first connection only.
 *
 * @author BFF template
 */
public final class RedisStartupConnection implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RedisStartupConnection.class);

	// After the connection factory (phase 0), long before the web server starts.
	private static final int PHASE = 1;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final RedisStartupProperties properties;

	private final Sinks.Empty<Void> connectedSignal = Sinks.empty();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile boolean connected;

	private volatile Disposable connecting;

	private volatile boolean running;

	/**
	 * Create the start-up connection.
	 * @param connectionFactory the factory whose shared connection is opened
	 * @param properties the back-off between attempts
	 */
	public RedisStartupConnection(ReactiveRedisConnectionFactory connectionFactory, RedisStartupProperties properties) {
		this.connectionFactory = connectionFactory;
		this.properties = properties;
	}

	/**
	 * Whether the shared connection has been opened: once true, it stays true (Lettuce
	 * reconnects an open connection by itself).
	 * @return whether Redis has answered
	 */
	public boolean isConnected() {
		return this.connected;
	}

	/**
	 * Completes when the shared connection has been opened.
	 * @return a {@code Mono} completing once Redis has answered
	 */
	public Mono<Void> whenConnected() {
		return this.connectedSignal.asMono();
	}

	/**
	 * Runs a Redis command once the shared connection is open; before that, fails at once
	 * (opening the connection from the subscriber's thread would block it).
	 * @param <T> the command's result
	 * @param command the command, called only when connected
	 * @return the command's result, or a {@link RedisConnectionFailureException} (also
	 * when the connection fails under the command)
	 */
	public <T> Mono<T> ifConnected(Supplier<? extends Mono<T>> command) {
		return Mono
			.defer(() -> this.connected ? command.get()
					: Mono.error(new RedisConnectionFailureException(
							"Not connected to Redis yet (still trying since the start)")))
			// Lettuce fails the commands in flight with the socket's own error when Redis
			// goes away mid-command
			// (a connection reset): untranslated, it would be an unexpected 500 instead
			// of a store outage.
			.onErrorMap(IOException.class,
					(ex) -> new RedisConnectionFailureException("The Redis connection failed: " + ex.getMessage(), ex));
	}

	/**
	 * Tries once on the starting thread (never an event loop), so that an application
	 * whose Redis answers is ready as soon as it has started; when that fails, tries
	 * again in the background until Redis answers.
	 */
	@Override
	public void start() {
		this.running = true;
		try {
			connect();
			return;
		}
		catch (RuntimeException ex) {
			// logged by connect(); the next attempts are in the background
		}
		Duration initial = this.properties.initialBackoff();
		this.connecting = Mono.fromRunnable(this::connect)
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(Retry.backoff(Long.MAX_VALUE, initial).maxBackoff(this.properties.maxBackoff()))
			.delaySubscription(initial)
			.subscribe(null, (ex) -> logger.error("Gave up connecting to Redis", ex));
	}

	private void connect() {
		int attempt = this.attempts.incrementAndGet();
		try (ReactiveRedisConnection connection = this.connectionFactory.getReactiveConnection()) {
			this.connected = true;
			this.connectedSignal.tryEmitEmpty();
			logger.info("Connected to Redis" + ((attempt > 1) ? " at attempt " + attempt : ""));
		}
		catch (RuntimeException ex) {
			// the first failure and then every tenth: enough to see that it keeps trying
			if (attempt == 1 || attempt % 10 == 0) {
				logger.warn("Cannot connect to Redis yet (attempt " + attempt + "), trying again with a back-off of up "
						+ "to " + this.properties.maxBackoff() + "; readiness stays OUT_OF_SERVICE until then: " + ex
						+ " (" + NestedExceptionUtils.getMostSpecificCause(ex) + ")");
			}
			throw ex;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Disposable attempts = this.connecting;
		if (attempts != null) {
			attempts.dispose();
		}
		this.connecting = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
