package dev.bfftemplate.edge.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes' breakers (Resilience4j's {@code configs.default}, see application.yaml)
 * count outcomes in a lock-free window. Every outcome is recorded on an event loop, and
 * Resilience4j's default window takes a lock: two calls of one route ending at once park
 * a loop (BlockHound caught it under a burst), as the starter found for its downstreams.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerWindows {

	@Bean
	CircuitBreakerConfigCustomizer lockFreeBreakerWindows() {
		return CircuitBreakerConfigCustomizer.of("default", (builder) -> builder
			.slidingWindowSynchronizationStrategy(SlidingWindowSynchronizationStrategy.LOCK_FREE));
	}

}
