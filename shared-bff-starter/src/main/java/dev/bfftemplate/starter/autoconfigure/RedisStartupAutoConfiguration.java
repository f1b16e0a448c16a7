package dev.bfftemplate.starter.autoconfigure;

import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import dev.bfftemplate.starter.redis.RedisReadinessStateHealthIndicator;
import dev.bfftemplate.starter.redis.RedisStartupConnection;
import dev.bfftemplate.starter.redis.RedisStartupProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * With {@code spring.data.redis.*} set: the Redis connection opened at start by a
 * {@link RedisStartupConnection} (retrying, off the event loops) and readiness
 * {@code OUT_OF_SERVICE} until it is open. Everything of the starter and the BFFs that
 * keeps state in Redis relies on it instead of connecting at start by itself.
 *
 * @author BFF template
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration" },
		beforeName = "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration")
@ConditionalOnClass(ReactiveRedisConnectionFactory.class)
@Conditional(RedisConfiguredCondition.class)
@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
@EnableConfigurationProperties(RedisStartupProperties.class)
public final class RedisStartupAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisStartupConnection redisStartupConnection(ReactiveRedisConnectionFactory connectionFactory,
			RedisStartupProperties properties) {
		return new RedisStartupConnection(connectionFactory, properties);
	}

	/**
	 * Replaces Boot's readiness indicator (same bean name, which Boot's backs off from).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReadinessStateHealthIndicator.class)
	static class ReadinessConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "readinessStateHealthIndicator")
		@Conditional(ReadinessIndicatorCondition.class)
		ReadinessStateHealthIndicator readinessStateHealthIndicator(ApplicationAvailability availability,
				RedisStartupConnection redis) {
			return new RedisReadinessStateHealthIndicator(availability, redis);
		}

	}

	/**
	 * Where Boot would define its readiness indicator: with the probes (on unless
	 * switched off) or {@code management.health.readinessstate.enabled}.
	 */
	static class ReadinessIndicatorCondition extends AnyNestedCondition {

		ReadinessIndicatorCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBooleanProperty(name = "management.endpoint.health.probes.enabled", matchIfMissing = true)
		static class Probes {

		}

		@ConditionalOnBooleanProperty("management.health.readinessstate.enabled")
		static class ReadinessState {

		}

	}

}
