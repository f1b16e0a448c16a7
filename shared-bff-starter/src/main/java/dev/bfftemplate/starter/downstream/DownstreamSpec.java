package dev.bfftemplate.starter.downstream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.util.Assert;

/**
 * A downstream being built, as a {@link DownstreamCustomizer} sees it: its settings,
 * which the customizer may replace, and the configuration of its circuit breaker, already
 * holding the {@code circuit-breaker} settings, which it may change further.
 *
 * @author BFF template
 */
public final class DownstreamSpec {

	private final String name;

	private DownstreamsProperties.Downstream settings;

	private final CircuitBreakerConfig.Builder circuitBreaker;

	DownstreamSpec(String name, DownstreamsProperties.Downstream settings,
			CircuitBreakerConfig.Builder circuitBreaker) {
		this.name = name;
		this.settings = settings;
		this.circuitBreaker = circuitBreaker;
	}

	/**
	 * The downstream's name: its HTTP service group and breaker name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The downstream's settings, from {@code bff.downstreams.<name>} or the defaults.
	 * @return the settings
	 */
	public DownstreamsProperties.Downstream settings() {
		return this.settings;
	}

	/**
	 * Replace the downstream's settings (its {@code circuit-breaker} entry is already
	 * applied to {@link #circuitBreaker()}: change the breaker there).
	 * @param settings the new settings
	 * @return this spec
	 */
	public DownstreamSpec settings(DownstreamsProperties.Downstream settings) {
		Assert.notNull(settings, "'settings' must not be null");
		this.settings = settings;
		return this;
	}

	/**
	 * The configuration of the downstream's breaker, to change any of Resilience4j's
	 * settings (slow calls, exceptions to ignore, a time-based window, ...).
	 * @return the breaker's configuration builder
	 */
	public CircuitBreakerConfig.Builder circuitBreaker() {
		return this.circuitBreaker;
	}

}
