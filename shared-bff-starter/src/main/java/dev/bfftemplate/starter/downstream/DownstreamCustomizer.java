package dev.bfftemplate.starter.downstream;

import java.util.function.Consumer;

import org.springframework.util.Assert;

/**
 * Tunes a downstream as it is built, beyond what {@code bff.downstreams.<group>.*} says,
 * without replacing any of the starter's beans: every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order order}, to every downstream.
 *
 * <pre class="code">
 * &#64;Bean
 * DownstreamCustomizer reviewsBreaker() {
 * 	return DownstreamCustomizer.forDownstream("reviews", (reviews) -&gt; reviews.circuitBreaker()
 * 		.slowCallDurationThreshold(Duration.ofMillis(500))
 * 		.slowCallRateThreshold(50));
 * }
 * </pre>
 *
 * @author BFF template
 */
@FunctionalInterface
public interface DownstreamCustomizer {

	/**
	 * Tune a downstream before it is built.
	 * @param downstream the downstream's name, settings and breaker configuration
	 */
	void customize(DownstreamSpec downstream);

	/**
	 * A customizer of the downstream of that name only.
	 * @param name the downstream's name
	 * @param customizer what to do with it
	 * @return the customizer
	 */
	static DownstreamCustomizer forDownstream(String name, Consumer<DownstreamSpec> customizer) {
		Assert.hasText(name, "'name' must not be empty");
		return (downstream) -> {
			if (downstream.name().equals(name)) {
				customizer.accept(downstream);
			}
		};
	}

}
