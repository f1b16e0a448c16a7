package dev.bfftemplate.starter.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.idempotency.IdempotencyProperties;
import dev.bfftemplate.starter.idempotency.IdempotencyStore;
import dev.bfftemplate.starter.idempotency.IdempotencyWebFilter;
import dev.bfftemplate.starter.idempotency.IdempotentRequests;
import dev.bfftemplate.starter.idempotency.InMemoryIdempotencyStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys are switched on by {@code bff.idempotency.paths}; each bean backs off.
 */
class IdempotencyAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FanOutAutoConfiguration.class, IdempotencyAutoConfiguration.class,
				CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class));

	@Test
	void nothingWithoutPaths() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(IdempotencyWebFilter.class)
			.doesNotHaveBean(IdempotencyStore.class));
	}

	@Test
	void inMemoryWithPathsAndNoRedis() {
		this.runner.withPropertyValues("bff.idempotency.paths=/orders")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(IdempotencyWebFilter.class)
				.hasSingleBean(IdempotentRequests.class)
				.getBean(IdempotencyStore.class)
				.isInstanceOf(InMemoryIdempotencyStore.class));
	}

	@Test
	void backsOffFromTheApplicationsStore() {
		this.runner.withPropertyValues("bff.idempotency.paths=/orders")
			.withUserConfiguration(OwnStore.class)
			.run((context) -> assertThat(context.getBean(IdempotencyStore.class))
				.isSameAs(context.getBean(OwnStore.class).store));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationBeans")
	<T> void eachBeanBacksOffWhenTheApplicationDefinesItsOwn(Class<T> type, Supplier<T> applicationBean) {
		this.runner.withPropertyValues("bff.idempotency.paths=/orders")
			.withBean("applicationBean", type, applicationBean)
			.run((context) -> assertThat(context).hasSingleBean(type)
				.getBean(type)
				.isSameAs(context.getBean("applicationBean")));
	}

	static Stream<Arguments> applicationBeans() {
		IdempotencyProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("bff.idempotency.paths", "/orders")))
			.bindOrCreate("bff.idempotency", IdempotencyProperties.class);
		Supplier<IdempotentRequests> requests = () -> new IdempotentRequests(new InMemoryIdempotencyStore(1),
				properties);
		return Stream.of(Arguments.of(IdempotencyStore.class, (Supplier<?>) () -> new InMemoryIdempotencyStore(1)),
				Arguments.of(IdempotentRequests.class, requests),
				Arguments.of(IdempotencyWebFilter.class, (Supplier<?>) () -> new IdempotencyWebFilter(requests.get(),
						() -> Mono.just("caller"), properties, ServerCodecConfigurer.create())));
	}

	@Test
	void invalidSettingsAreRefused() {
		this.runner.withPropertyValues("bff.idempotency.paths=/orders", "bff.idempotency.max-key-length=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(1);

		@Bean
		IdempotencyStore ownIdempotencyStore() {
			return this.store;
		}

	}

}
