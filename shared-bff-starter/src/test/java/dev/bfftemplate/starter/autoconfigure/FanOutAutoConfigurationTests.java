package dev.bfftemplate.starter.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import dev.bfftemplate.starter.downstream.CircuitBreakerProperties;
import dev.bfftemplate.starter.downstream.ConnectionPoolProperties;
import dev.bfftemplate.starter.downstream.DownstreamClientConfigurer;
import dev.bfftemplate.starter.downstream.DownstreamMetrics;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.downstream.DownstreamsProperties;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.Policy;
import dev.bfftemplate.starter.identity.CallerIdentity;
import dev.bfftemplate.starter.identity.PrincipalCallerIdentity;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configuration in a reactive web application, and its back-off bean
 * by bean.
 */
class FanOutAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(FanOutAutoConfiguration.class, DownstreamClientsAutoConfiguration.class));

	@Test
	void appWithoutAnyDownstreamGetsTheWholeStarter() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(FanOut.class)
			.hasSingleBean(Downstreams.class)
			.hasSingleBean(CircuitBreakerRegistry.class)
			.hasSingleBean(DownstreamMetrics.class)
			.hasSingleBean(TaggedCircuitBreakerMetrics.class)
			.hasSingleBean(ServerWebExchangeContextFilter.class)
			.hasSingleBean(DownstreamClientConfigurer.class)
			.getBean(CallerIdentity.class)
			.isInstanceOf(PrincipalCallerIdentity.class));
	}

	@Test
	void downstreamConnectionPoolHoldsAHealthyBurst() {
		this.runner.run((context) -> {
			assertThat(context.getBean(ConnectionProvider.class).maxConnections()).isEqualTo(1000);
			assertThat(context.getBean(ConnectionPoolProperties.class).pendingAcquireTimeout())
				.isGreaterThan(context.getBean(Downstreams.class).get("other").properties().timeout());
		});
	}

	@Test
	void downstreamConnectionPoolIsSizedForFanOut() {
		this.runner.withPropertyValues("bff.connection-pool.max-connections=300")
			.run((context) -> assertThat(context.getBean(ConnectionProvider.class).maxConnections()).isEqualTo(300));
	}

	@Test
	void nonReactiveAppGetsNothing() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FanOutAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(FanOut.class).doesNotHaveBean(Downstreams.class));
	}

	@Test
	void downstreamAndBreakerSettingsComeFromProperties() {
		this.runner
			.withPropertyValues("bff.downstreams.catalog.concurrency.initial-limit=3",
					"bff.downstreams.catalog.concurrency.algorithm=gradient2",
					"bff.downstreams.catalog.default-policy=stale-ok", "bff.downstreams.catalog.max-response-size=64KB",
					"resilience4j.circuitbreaker.instances.catalog.failure-rate-threshold=25",
					"resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=5")
			.run((context) -> {
				Downstreams downstreams = context.getBean(Downstreams.class);
				DownstreamsProperties.Downstream catalog = downstreams.get("catalog").properties();
				assertThat(catalog.concurrency().algorithm()).isEqualTo(DownstreamsProperties.Algorithm.GRADIENT2);
				assertThat(downstreams.get("catalog").concurrencyLimit().limit()).isEqualTo(3);
				assertThat(catalog.defaultPolicy()).isEqualTo(Policy.STALE_OK);
				assertThat(catalog.maxResponseSize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(catalog.retry().maxAttempts()).isEqualTo(2);
				var breaker = downstreams.get("catalog").circuitBreaker().getCircuitBreakerConfig();
				assertThat(breaker.getFailureRateThreshold()).isEqualTo(25);
				assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
				assertThat(context.getBean(CircuitBreakerRegistry.class).find("catalog")).isPresent();
			});
	}

	@Test
	void unconfiguredDownstreamGetsBffDefaultsNotResilience4jOnes() {
		this.runner.run((context) -> {
			var breaker = context.getBean(Downstreams.class).get("other").circuitBreaker().getCircuitBreakerConfig();
			assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(10);
			assertThat(breaker.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000L);
			assertThat(breaker.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
			assertThat(context.getBean(Downstreams.class).get("other").concurrencyLimit().limit()).isEqualTo(1000);
		});
	}

	@Test
	void invalidSettingsFailAtStartUp() {
		this.runner.withPropertyValues("bff.downstreams.catalog.concurrency.min-limit=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationBeans")
	<T> void backsOffWhenTheApplicationDefinesItsOwn(Class<T> type, Supplier<T> applicationBean) {
		this.runner.withBean("applicationBean", type, applicationBean)
			.run((context) -> assertThat(context).hasSingleBean(type)
				.getBean(type)
				.isSameAs(context.getBean("applicationBean")));
	}

	static Stream<Arguments> applicationBeans() {
		DownstreamMetrics metrics = new DownstreamMetrics(new SimpleMeterRegistry());
		Supplier<Downstreams> downstreams = () -> new Downstreams(new DownstreamsProperties(Map.of()),
				new CircuitBreakerProperties(Map.of()), CircuitBreakerRegistry.ofDefaults(), metrics);
		return Stream.of(bean(FanOut.class, FanOut::withDefaults), bean(Downstreams.class, downstreams),
				bean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults),
				bean(DownstreamMetrics.class, () -> metrics),
				bean(TaggedCircuitBreakerMetrics.class,
						() -> TaggedCircuitBreakerMetrics
							.ofCircuitBreakerRegistry(CircuitBreakerRegistry.ofDefaults())),
				bean(CallerIdentity.class, () -> () -> Mono.just("tenant-user")),
				bean(ServerWebExchangeContextFilter.class, ServerWebExchangeContextFilter::new),
				bean(DownstreamClientConfigurer.class, () -> new DownstreamClientConfigurer(downstreams.get(), null)),
				bean(ConnectionProvider.class, () -> ConnectionProvider.create("application", 10)));
	}

	private static <T> Arguments bean(Class<T> type, Supplier<? extends T> supplier) {
		return Arguments.of(type, supplier);
	}

}
