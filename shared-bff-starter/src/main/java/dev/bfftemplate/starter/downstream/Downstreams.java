package dev.bfftemplate.starter.downstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The downstreams of the application, by name, each built once: those under
 * {@code bff.downstreams} at start-up, any other on first use with the default settings.
 *
 * @author BFF template
 */
public class Downstreams {

	private static final DownstreamsProperties.Downstream DEFAULT_DOWNSTREAM = defaults(
			DownstreamsProperties.Downstream.class);

	private static final CircuitBreakerProperties.Instance DEFAULT_BREAKER = defaults(
			CircuitBreakerProperties.Instance.class);

	private final DownstreamsProperties properties;

	private final CircuitBreakerProperties circuitBreakerProperties;

	private final CircuitBreakerRegistry circuitBreakers;

	private final DownstreamMetrics metrics;

	private final Map<String, Downstream> downstreams = new ConcurrentHashMap<>();

	/**
	 * Create the downstreams.
	 * @param properties the {@code bff.downstreams} settings
	 * @param circuitBreakerProperties the breaker settings
	 * @param circuitBreakers where the breakers are registered
	 * @param metrics the starter's meters
	 */
	public Downstreams(DownstreamsProperties properties, CircuitBreakerProperties circuitBreakerProperties,
			CircuitBreakerRegistry circuitBreakers, DownstreamMetrics metrics) {
		this.properties = properties;
		this.circuitBreakerProperties = circuitBreakerProperties;
		this.circuitBreakers = circuitBreakers;
		this.metrics = metrics;
		properties.downstreams().keySet().forEach(this::get);
	}

	/**
	 * The downstream of that name.
	 * @param name the downstream's name
	 * @return the downstream
	 */
	public Downstream get(String name) {
		return this.downstreams.computeIfAbsent(name, this::create);
	}

	private Downstream create(String name) {
		DownstreamsProperties.Downstream settings = this.properties.downstreams()
			.getOrDefault(name, DEFAULT_DOWNSTREAM);
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name, () -> circuitBreakerConfig(name));
		ConcurrencyLimit concurrencyLimit = new ConcurrencyLimit(name, settings);
		this.metrics.concurrencyLimit(name, concurrencyLimit);
		return new Downstream(name, settings, circuitBreaker, concurrencyLimit, this.metrics);
	}

	private CircuitBreakerConfig circuitBreakerConfig(String name) {
		CircuitBreakerProperties.Instance instance = this.circuitBreakerProperties.instances()
			.getOrDefault(name, DEFAULT_BREAKER);
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			// Every outcome is recorded on an event loop: the default window takes a
			// lock, which
			// parks a loop whenever two calls of one downstream end at once (BlockHound
			// sees it
			// in HealthyBurstTests); the lock-free window never parks.
			.slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
			.slidingWindowSize(instance.slidingWindowSize())
			.minimumNumberOfCalls(instance.minimumNumberOfCalls())
			.failureRateThreshold(instance.failureRateThreshold())
			.waitDurationInOpenState(instance.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(instance.permittedNumberOfCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(instance.automaticTransitionFromOpenToHalfOpenEnabled())
			.build();
	}

	/**
	 * The settings of a downstream or breaker with no entry of its own: its
	 * {@code @DefaultValue}s, so that they are declared in one place.
	 */
	private static <T> T defaults(Class<T> type) {
		return new Binder().bindOrCreate("bff.defaults", Bindable.of(type));
	}

}
