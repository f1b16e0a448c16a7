package dev.bfftemplate.partner.quota;

import java.time.Clock;

import dev.bfftemplate.partner.problem.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The quota filter, placed in the security filter chain after authentication.
 */
@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	QuotaWebFilter quotaWebFilter(ReactiveStringRedisTemplate redis, QuotaProperties properties, Clock clock,
			ProblemResponses problems) {
		return new QuotaWebFilter(new PartnerQuota(redis, properties, clock), problems, properties);
	}

}
