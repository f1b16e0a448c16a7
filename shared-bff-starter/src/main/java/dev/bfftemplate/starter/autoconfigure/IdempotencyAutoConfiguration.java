package dev.bfftemplate.starter.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bfftemplate.starter.identity.CallerIdentity;
import dev.bfftemplate.starter.idempotency.IdempotencyProperties;
import dev.bfftemplate.starter.idempotency.IdempotencyStore;
import dev.bfftemplate.starter.idempotency.IdempotencyWebFilter;
import dev.bfftemplate.starter.idempotency.IdempotentRequests;
import dev.bfftemplate.starter.idempotency.InMemoryIdempotencyStore;
import dev.bfftemplate.starter.idempotency.RedisIdempotencyStore;
import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import dev.bfftemplate.starter.redis.RedisStartupConnection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Auto-configuration of idempotency keys, switched on by {@code bff.idempotency.paths}:
 * keys in Redis when {@code spring.data.redis.*} names a server (every instance then
 * answers every retry), in memory otherwise; which one is logged at start.
 *
 * @author BFF template
 */
@AutoConfiguration(after = { FanOutAutoConfiguration.class, RedisStartupAutoConfiguration.class },
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Conditional(IdempotencyAutoConfiguration.IdempotentPathsCondition.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public final class IdempotencyAutoConfiguration {

	private static final Log logger = LogFactory.getLog(IdempotencyAutoConfiguration.class);

	/**
	 * Without Redis, or before it: the nested Redis configuration is processed first.
	 * Caffeine is an optional dependency of the starter: without it and without Redis,
	 * the application has to define its {@link IdempotencyStore}. The method returns the
	 * interface so that introspecting it never loads a Caffeine class.
	 */
	@Bean
	@ConditionalOnMissingBean(IdempotencyStore.class)
	@ConditionalOnClass(name = "com.github.benmanes.caffeine.cache.Caffeine")
	IdempotencyStore inMemoryIdempotencyStore(IdempotencyProperties properties) {
		logger.warn("No Redis configured (spring.data.redis.*): idempotency keys are kept in memory, per instance, for "
				+ properties.ttl());
		return new InMemoryIdempotencyStore(properties.store().maximumSize());
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotentRequests idempotentRequests(IdempotencyStore store, IdempotencyProperties properties) {
		return new IdempotentRequests(store, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotencyWebFilter idempotencyWebFilter(IdempotentRequests requests, CallerIdentity callerIdentity,
			IdempotencyProperties properties, ServerCodecConfigurer codecs) {
		return new IdempotencyWebFilter(requests, callerIdentity, properties, codecs);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveRedisConnectionFactory.class)
	@Conditional(RedisConfiguredCondition.class)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(IdempotencyStore.class)
		@ConditionalOnBean({ ReactiveRedisConnectionFactory.class, RedisStartupConnection.class })
		RedisIdempotencyStore redisIdempotencyStore(ReactiveRedisConnectionFactory connectionFactory,
				RedisStartupConnection connection, IdempotencyProperties properties) {
			logger.info("Idempotency keys are stored in Redis, shared by every instance, for " + properties.ttl());
			return new RedisIdempotencyStore(connectionFactory, connection, properties.store().timeout());
		}

	}

	/**
	 * Matches when {@code bff.idempotency.paths} names at least one path.
	 */
	static class IdempotentPathsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> paths = Binder.get(context.getEnvironment())
				.bind("bff.idempotency.paths", Bindable.listOf(String.class))
				.orElse(List.of());
			return paths.isEmpty() ? ConditionOutcome.noMatch("bff.idempotency.paths is empty")
					: ConditionOutcome.match("bff.idempotency.paths is " + paths);
		}

	}

}
