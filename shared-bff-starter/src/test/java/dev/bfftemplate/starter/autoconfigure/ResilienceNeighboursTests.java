package dev.bfftemplate.starter.autoconfigure;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.starter.downstream.DownstreamClientConfigurer;
import dev.bfftemplate.starter.downstream.Downstreams;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.httpservice.CircuitBreakerWebClientHttpServiceGroupConfigurer;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter beside Resilience4j's Spring Boot auto-configurations and Spring Cloud
 * CircuitBreaker's (both on the test class path), as in an application that has them for
 * other uses: one breaker registry, the starter's, whose breakers keep their
 * {@code bff.downstreams} settings and are metered once.
 */
class ResilienceNeighboursTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withUserConfiguration(Application.class)
		.withInitializer((context) -> new BffDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withPropertyValues("bff.downstreams.catalog.circuit-breaker.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=100");

	@Test
	void oneRegistryTheStartersSharedWithSpringCloudCircuitBreaker() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(CircuitBreakerRegistry.class);
			CircuitBreakerRegistry registry = context.getBean("downstreamCircuitBreakerRegistry",
					CircuitBreakerRegistry.class);
			assertThat(context.getBean(ReactiveResilience4JCircuitBreakerFactory.class).getCircuitBreakerRegistry())
				.isSameAs(registry);
			var catalog = context.getBean(Downstreams.class).get("catalog").circuitBreaker();
			assertThat(registry.find("catalog")).containsSame(catalog);
			assertThat(catalog.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(4);
		});
	}

	@Test
	void springCloudLeavesTheHttpServiceGroupsToTheStarter() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CircuitBreakerWebClientHttpServiceGroupConfigurer.class)
			.hasSingleBean(DownstreamClientConfigurer.class));
	}

	@Test
	void breakerStateIsMeteredOnce() {
		this.runner.run((context) -> {
			context.getBean(Downstreams.class).get("catalog");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			// one gauge per state, not two
			assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "catalog").gauges())
				.hasSize(CircuitBreakerStates.COUNT);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

	private static final class CircuitBreakerStates {

		static final int COUNT = io.github.resilience4j.circuitbreaker.CircuitBreaker.State.values().length;

	}

}
