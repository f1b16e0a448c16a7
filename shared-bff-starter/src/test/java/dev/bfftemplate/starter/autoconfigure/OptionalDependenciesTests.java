package dev.bfftemplate.starter.autoconfigure;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.Part;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.idempotency.IdempotencyStore;
import dev.bfftemplate.starter.idempotency.IdempotencyWebFilter;
import dev.bfftemplate.starter.idempotency.InMemoryIdempotencyStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BFF without the starter's optional dependencies (Prometheus registry, Micrometer
 * Tracing and its OpenTelemetry bridge, Caffeine, Spring Data Redis) starts and fans out.
 */
class OptionalDependenciesTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withClassLoader(
				new FilteredClassLoader("io.micrometer.prometheusmetrics", "io.prometheus", "io.micrometer.tracing",
						"io.opentelemetry", "com.github.benmanes.caffeine", "org.springframework.data.redis"))
		.withConfiguration(AutoConfigurations.of(FanOutAutoConfiguration.class,
				DownstreamClientsAutoConfiguration.class, IdempotencyAutoConfiguration.class,
				CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class))
		.withPropertyValues("bff.downstreams.catalog.default-policy=required");

	@Test
	void starterStartsAndFansOutWithoutThem() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(FanOut.class).hasSingleBean(Downstreams.class);
			FanOutRequest screen = context.getBean(FanOut.class).request();
			Part<String> catalog = screen.call("catalog", Mono.just("product"));
			StepVerifier.create(screen.assemble((parts) -> parts.get(catalog))).expectNext("product").verifyComplete();
		});
	}

	@Test
	void idempotencyKeysNeedRedisCaffeineOrTheApplicationsStore() {
		this.runner.withPropertyValues("bff.idempotency.paths=/orders")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(IdempotencyStore.class.getName()));
		this.runner.withPropertyValues("bff.idempotency.paths=/orders")
			.withBean(IdempotencyStore.class, () -> new InMemoryIdempotencyStore(10))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(IdempotencyWebFilter.class));
	}

}
