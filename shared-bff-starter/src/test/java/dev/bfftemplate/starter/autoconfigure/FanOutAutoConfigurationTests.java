package dev.bfftemplate.starter.autoconfigure;

import java.time.Duration;
import java.util.List;
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

import dev.bfftemplate.starter.downstream.ConnectionPoolProperties;
import dev.bfftemplate.starter.downstream.DownstreamCustomizer;
import dev.bfftemplate.starter.downstream.DownstreamClientConfigurer;
import dev.bfftemplate.starter.downstream.DownstreamMetrics;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.downstream.DownstreamsProperties;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.Policy;
import dev.bfftemplate.starter.identity.CallerIdentity;
import dev.bfftemplate.starter.identity.PrincipalCallerIdentity;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The starter's auto-configuration in a reactive web application, and its back-off bean
 * by bean.
 */
class FanOutAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(FanOutAutoConfiguration.class, DownstreamClientsAutoConfiguration.class));

	/**
	 * The starter with Boot's HTTP service clients and two groups, catalog and other.
	 */
	private final ReactiveWebApplicationContextRunner withGroups = this.runner
		.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpServiceClientPropertiesAutoConfiguration.class,
				WebClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class))
		.withUserConfiguration(Groups.class);

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
		this.runner.withPropertyValues("bff.downstreams.other.default-policy=required").run((context) -> {
			assertThat(context.getBean(ConnectionProvider.class).maxConnections()).isEqualTo(1000);
			assertThat(context.getBean(ConnectionPoolProperties.class).pendingAcquireTimeout())
				.isGreaterThan(context.getBean(DownstreamsProperties.class).downstreams().get("other").timeout());
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
					"bff.downstreams.catalog.circuit-breaker.failure-rate-threshold=25",
					"bff.downstreams.catalog.circuit-breaker.minimum-number-of-calls=5",
					// Resilience4j's own keys are not the starter's: they change nothing
					// here
					"resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=99")
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
	void httpServiceGroupWithoutSettingsGetsBffDefaultsNotResilience4jOnes() {
		this.withGroups.run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(HttpServiceProxyRegistry.class);
			var breaker = context.getBean(Downstreams.class).get("other").circuitBreaker().getCircuitBreakerConfig();
			assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(10);
			assertThat(breaker.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000L);
			assertThat(breaker.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
			assertThat(context.getBean(Downstreams.class).get("other").concurrencyLimit().limit()).isEqualTo(1000);
		});
	}

	@Test
	void unknownDownstreamNameFailsNamingTheKnownOnes() {
		this.withGroups.run((context) -> {
			context.getBean(HttpServiceProxyRegistry.class);
			FanOut fanOut = context.getBean(FanOut.class);
			assertThatIllegalArgumentException().isThrownBy(() -> fanOut.request().call("catlog", Mono.just("x")))
				.withMessageContaining("'catlog'")
				.withMessageContaining("[catalog, other]");
		});
	}

	@Test
	void downstreamSettingsOfNoHttpServiceGroupFailAtStartUp() {
		this.withGroups.withPropertyValues("bff.downstreams.catlog.timeout=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("[catlog]")
				.hasMessageContaining("[catalog, other]"));
	}

	@Test
	void downstreamCustomizerTunesOneDownstream() {
		this.withGroups
			.withBean("catalogSlowCalls", DownstreamCustomizer.class,
					() -> DownstreamCustomizer.forDownstream("catalog",
							(catalog) -> catalog.circuitBreaker().slowCallDurationThreshold(Duration.ofMillis(300))))
			.run((context) -> {
				context.getBean(HttpServiceProxyRegistry.class);
				Downstreams downstreams = context.getBean(Downstreams.class);
				assertThat(downstreams.get("catalog")
					.circuitBreaker()
					.getCircuitBreakerConfig()
					.getSlowCallDurationThreshold()).isEqualTo(Duration.ofMillis(300));
				assertThat(downstreams.get("other")
					.circuitBreaker()
					.getCircuitBreakerConfig()
					.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(60));
				assertThat(downstreams.get("catalog").properties().timeout()).isEqualTo(Duration.ofSeconds(2));
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
				CircuitBreakerRegistry.ofDefaults(), metrics, List.of());
		return Stream.of(bean(FanOut.class, FanOut::withDefaults), bean(Downstreams.class, downstreams),
				bean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults),
				bean(DownstreamMetrics.class, () -> metrics),
				bean(TaggedCircuitBreakerMetrics.class,
						() -> TaggedCircuitBreakerMetrics
							.ofCircuitBreakerRegistry(CircuitBreakerRegistry.ofDefaults())),
				bean(CallerIdentity.class, () -> () -> Mono.just("tenant-user")),
				bean(ServerWebExchangeContextFilter.class, ServerWebExchangeContextFilter::new),
				bean(DownstreamClientConfigurer.class, () -> new DownstreamClientConfigurer(downstreams.get(), null)),
				bean(ConnectionProvider.class, () -> ConnectionProvider.create("application", 10)),
				bean(DownstreamNamesCheck.class, () -> new DownstreamNamesCheck(new DownstreamsProperties(Map.of()),
						new StaticListableBeanFactory().getBeanProvider(HttpServiceProxyRegistry.class))));
	}

	private static <T> Arguments bean(Class<T> type, Supplier<? extends T> supplier) {
		return Arguments.of(type, supplier);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "catalog", types = CatalogClient.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	@ImportHttpServices(group = "other", types = OtherClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class Groups {

	}

	interface CatalogClient {

		@GetExchange("/items")
		Mono<String> items();

	}

	interface OtherClient {

		@GetExchange("/other")
		Mono<String> other();

	}

}
