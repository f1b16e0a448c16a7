package dev.bfftemplate.starter.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.bfftemplate.starter.redis.RedisReadinessStateHealthIndicator;
import dev.bfftemplate.starter.redis.RedisStartupConnection;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up connection and its readiness exist only when Redis is configured, and the
 * back-off is validated at start.
 */
class RedisStartupAutoConfigurationTests {

	// nothing listens there: the connection keeps trying in the background until the
	// context closes
	private final String redisPort = "spring.data.redis.port=" + TestSocketUtils.findAvailableTcpPort();

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, RedisStartupAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class));

	@Test
	void nothingWithoutRedisConfigured() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(RedisStartupConnection.class)
			.doesNotHaveBean(RedisReadinessStateHealthIndicator.class));
	}

	@Test
	void withRedisReadinessWaitsForTheConnection() {
		this.runner.withPropertyValues("spring.data.redis.host=127.0.0.1", this.redisPort).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RedisStartupConnection.class);
			assertThat(context.getBean(RedisStartupConnection.class).isConnected()).isFalse();
			assertThat(context.getBean("readinessStateHealthIndicator"))
				.isInstanceOf(RedisReadinessStateHealthIndicator.class);
		});
	}

	@Test
	void aMaximumBackoffShorterThanTheFirstIsRefused() {
		this.runner
			.withPropertyValues("spring.data.redis.host=127.0.0.1", this.redisPort,
					"bff.redis.startup.initial-backoff=2s", "bff.redis.startup.max-backoff=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bff.redis.startup.max-backoff"));
	}

}
