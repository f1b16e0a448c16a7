package dev.bfftemplate.starter.downstream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The downstreams of the application, by name, each built once. A name is known when an
 * HTTP service group or a {@code bff.downstreams} entry declares it; looking up any other
 * name fails, so that a typo in a call site is an error naming the known downstreams, not
 * a new breaker with default settings.
 *
 * @author BFF template
 */
public class Downstreams {

	private static final DownstreamsProperties.Downstream DEFAULT_DOWNSTREAM = new Binder().bindOrCreate("bff.defaults",
			Bindable.of(DownstreamsProperties.Downstream.class));

	private final DownstreamsProperties properties;

	private final CircuitBreakerRegistry circuitBreakers;

	private final DownstreamMetrics metrics;

	private final List<DownstreamCustomizer> customizers;

	private final boolean anyName;

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	private final Map<String, Downstream> downstreams = new ConcurrentHashMap<>();

	/**
	 * Create the downstreams of the {@code bff.downstreams} entries; HTTP service groups
	 * are added as their clients are configured ({@link DownstreamClientConfigurer}).
	 * @param properties the {@code bff.downstreams} settings
	 * @param circuitBreakers where the breakers are registered
	 * @param metrics the starter's meters
	 * @param customizers applied to every downstream as it is built, in order
	 */
	public Downstreams(DownstreamsProperties properties, CircuitBreakerRegistry circuitBreakers,
			DownstreamMetrics metrics, List<DownstreamCustomizer> customizers) {
		this(properties, circuitBreakers, metrics, customizers, false);
	}

	private Downstreams(DownstreamsProperties properties, CircuitBreakerRegistry circuitBreakers,
			DownstreamMetrics metrics, List<DownstreamCustomizer> customizers, boolean anyName) {
		this.properties = properties;
		this.circuitBreakers = circuitBreakers;
		this.metrics = metrics;
		this.customizers = List.copyOf(customizers);
		this.anyName = anyName;
		properties.downstreams().keySet().forEach(this::declare);
	}

	/**
	 * Downstreams that accept any name, each with the default settings: for a
	 * {@code FanOut} without an application context (tests, tools), where no HTTP service
	 * group declares names.
	 * @param metrics the starter's meters
	 * @return the downstreams
	 */
	public static Downstreams withDefaults(DownstreamMetrics metrics) {
		return new Downstreams(new DownstreamsProperties(Map.of()), CircuitBreakerRegistry.ofDefaults(), metrics,
				List.of(), true);
	}

	/**
	 * The downstream of that name.
	 * @param name the downstream's name
	 * @return the downstream
	 * @throws IllegalArgumentException if no HTTP service group or
	 * {@code bff.downstreams} entry declares that name
	 */
	public Downstream get(String name) {
		Downstream downstream = this.downstreams.get(name);
		if (downstream != null) {
			return downstream;
		}
		if (!this.anyName && !this.declared.contains(name)) {
			throw new IllegalArgumentException("Unknown downstream '" + name
					+ "': no HTTP service group or bff.downstreams entry has that name; the downstreams are "
					+ new TreeSet<>(this.declared));
		}
		return this.downstreams.computeIfAbsent(name, this::create);
	}

	/**
	 * The names of the known downstreams.
	 * @return the names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(this.declared);
	}

	/**
	 * Declare the downstream of an HTTP service group, and build it.
	 * @param name the group's name
	 * @return the downstream
	 */
	Downstream declare(String name) {
		this.declared.add(name);
		return get(name);
	}

	private Downstream create(String name) {
		DownstreamsProperties.Downstream settings = this.properties.downstreams()
			.getOrDefault(name, DEFAULT_DOWNSTREAM);
		DownstreamSpec spec = new DownstreamSpec(name, settings, circuitBreakerConfig(settings.circuitBreaker()));
		this.customizers.forEach((customizer) -> customizer.customize(spec));
		CircuitBreakerConfig circuitBreakerConfig = spec.circuitBreaker().build();
		CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name, circuitBreakerConfig);
		ConcurrencyLimit concurrencyLimit = new ConcurrencyLimit(name, spec.settings());
		this.metrics.concurrencyLimit(name, concurrencyLimit);
		return new Downstream(name, spec.settings(), circuitBreaker, concurrencyLimit, this.metrics);
	}

	private static CircuitBreakerConfig.Builder circuitBreakerConfig(
			DownstreamsProperties.CircuitBreaker circuitBreaker) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			// Every outcome is recorded on an event loop: the default window takes a
			// lock,
			// which parks a loop whenever two calls of one downstream end at once
			// (BlockHound sees it in HealthyBurstTests); the lock-free window never
			// parks.
			.slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
			.slidingWindowSize(circuitBreaker.slidingWindowSize())
			.minimumNumberOfCalls(circuitBreaker.minimumNumberOfCalls())
			.failureRateThreshold(circuitBreaker.failureRateThreshold())
			.waitDurationInOpenState(circuitBreaker.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(circuitBreaker.permittedNumberOfCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(
					circuitBreaker.automaticTransitionFromOpenToHalfOpenEnabled());
	}

}
