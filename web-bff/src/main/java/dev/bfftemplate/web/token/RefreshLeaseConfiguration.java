package dev.bfftemplate.web.token;

import dev.bfftemplate.starter.redis.RedisConfiguredCondition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * With sessions in Redis, several instances may serve one session at the same moment: a
 * lease in Redis makes one of them refresh. Without Redis there is one instance, whose
 * single flight per session suffices.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfiguredCondition.class)
class RefreshLeaseConfiguration {

	@Bean
	RefreshLease refreshLease(ReactiveStringRedisTemplate redis, TokenProperties properties) {
		return new RedisRefreshLease(redis, properties);
	}

}
