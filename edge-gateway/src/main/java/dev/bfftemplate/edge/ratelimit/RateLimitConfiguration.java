package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses where rate limits are counted: in Redis when {@code spring.data.redis.*} names
 * a server (every instance then shares one limit), otherwise in memory, which the log
 * says.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	private static final Log logger = LogFactory.getLog(RateLimitConfiguration.class);

	@Bean
	@Conditional(RedisConfiguredCondition.class)
	RedisWindowCounter redisWindowCounter(ReactiveStringRedisTemplate redis,
			ReactiveRedisConnectionFactory connectionFactory, RateLimitProperties properties) {
		logger.info("Rate limits are counted in Redis, shared by every edge instance");
		return new RedisWindowCounter(redis, connectionFactory, properties.keyPrefix(), properties.reconnectInterval());
	}

	/**
	 * Lettuce's reconnect back-off doubles up to 30 s by default: after an outage of some
	 * seconds the edge went on counting without Redis for up to that long after Redis was
	 * back. Capped at {@code edge.rate-limit.reconnect-interval}.
	 */
	@Bean
	@Conditional(RedisConfiguredCondition.class)
	ClientResourcesBuilderCustomizer redisReconnectBackOff(RateLimitProperties properties) {
		return (builder) -> builder
			.reconnectDelay(Delay.exponential(Duration.ZERO, properties.reconnectInterval(), 2, TimeUnit.MILLISECONDS));
	}

	/**
	 * While the connection is down, commands fail at once instead of waiting in Lettuce's
	 * queue for the command timeout: each request then gets its answer without delay (as
	 * {@code edge.rate-limit.on-store-failure} says).
	 */
	@Bean
	@Conditional(RedisConfiguredCondition.class)
	LettuceClientOptionsBuilderCustomizer redisFailFastWhileDisconnected() {
		return (builder) -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Each reply is published on Lettuce's computation threads: by default it is emitted
	 * on the shared connection's one I/O thread, and everything the edge does after the
	 * count (the route's filters, proxying) would run there, so a burst queues on one
	 * core and replies Redis answered at once time out.
	 */
	@Bean
	@Conditional(RedisConfiguredCondition.class)
	LettuceClientOptionsBuilderCustomizer redisRepliesOffTheIoThread() {
		return (builder) -> builder.publishOnScheduler(true);
	}

	@Bean
	@Conditional(RedisNotConfiguredCondition.class)
	WindowCounter inMemoryWindowCounter(RateLimitProperties properties) {
		logger.warn(
				"No Redis configured (spring.data.redis.*): rate limits are counted in memory, " + "per edge instance");
		Duration longest = properties.policies()
			.values()
			.stream()
			.map(RateLimitProperties.Policy::window)
			.max(Duration::compareTo)
			.orElse(Duration.ofMinutes(1));
		return new InMemoryWindowCounter(longest);
	}

	static class RedisConfiguredCondition extends AnyNestedCondition {

		RedisConfiguredCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.data.redis.host")
		static class Host {

		}

		@ConditionalOnProperty("spring.data.redis.url")
		static class Url {

		}

		@ConditionalOnProperty("spring.data.redis.sentinel.master")
		static class Sentinel {

		}

		@ConditionalOnProperty("spring.data.redis.cluster.nodes")
		static class Cluster {

		}

	}

	static class RedisNotConfiguredCondition extends NoneNestedConditions {

		RedisNotConfiguredCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(RedisConfiguredCondition.class)
		static class RedisConfigured {

		}

	}

}
