package dev.bfftemplate.partner.store;

import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties;
import dev.bfftemplate.partner.quota.QuotaProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * With {@code spring.data.redis.*}: the partner store in Redis, and the connection that
 * every partner request then depends on (revocations, quotas, failed attempts).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguredCondition.class)
class RedisConnectionConfiguration {

	@Bean
	PartnerStore redisPartnerStore(ReactiveStringRedisTemplate redis, PartnerIdentityProperties identity,
			QuotaProperties quota) {
		return new RedisPartnerStore(redis, new PartnerStoreKeys(identity, quota));
	}

	/**
	 * While the connection is down, commands fail at once instead of queueing until their
	 * timeout: requests get their 503 without waiting, and Lettuce keeps reconnecting in
	 * the background, so the API recovers by itself when Redis is back.
	 * @return the customizer
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (builder) -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Reconnection attempts back off exponentially, but never beyond
	 * {@code partner.redis.max-reconnect-delay}.
	 * @param properties the settings
	 * @return the customizer
	 */
	@Bean
	ClientResourcesBuilderCustomizer boundedReconnectDelay(PartnerRedisProperties properties) {
		return (builder) -> builder.reconnectDelay(
				Delay.exponential(Duration.ofMillis(10), properties.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS));
	}

	/**
	 * Spring Data Redis opens its shared connection on first use, synchronously: on an
	 * event loop that stalls every request the loop serves while it connects. The
	 * connection is opened at start instead, and partner-bff refuses to start without
	 * Redis (it could serve nothing: it fails closed).
	 * @return the post-processor that makes the connection factory connect at start
	 */
	@Bean
	static BeanPostProcessor redisConnectionAtStart() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof LettuceConnectionFactory factory) {
					factory.setEagerInitialization(true);
				}
				return bean;
			}

		};
	}

}
