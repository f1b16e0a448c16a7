package dev.bfftemplate.partner.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties;
import dev.bfftemplate.partner.quota.QuotaProperties;
import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import dev.bfftemplate.starter.redis.RedisStartupConnection;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * With {@code spring.data.redis.*}: the partner store in Redis, and the connection that
 * every partner request then depends on (revocations, quotas, failed attempts). The
 * starter's {@link RedisStartupConnection} opens it at start, off the event loops and
 * retrying until Redis answers; until then readiness is down and partner requests get 503
 * (the API fails closed), and partner-bff keeps running instead of exiting.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguredCondition.class)
class RedisConnectionConfiguration {

	@Bean
	PartnerStore redisPartnerStore(ReactiveStringRedisTemplate redis, RedisStartupConnection connection,
			PartnerIdentityProperties identity, QuotaProperties quota) {
		return new RedisPartnerStore(redis, connection, new PartnerStoreKeys(identity, quota));
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

}
