package dev.bfftemplate.starter.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.bfftemplate.starter.idempotency.IdempotencyStore;
import dev.bfftemplate.starter.idempotency.IdempotencyWebFilter;
import dev.bfftemplate.starter.idempotency.IdempotentRequests;
import dev.bfftemplate.starter.idempotency.InMemoryIdempotencyStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
