package dev.bfftemplate.partner.quota;

import java.time.Clock;

import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.partner.store.PartnerStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quota filter, right after the security filter chain, and the clock of its windows.
 */
@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	QuotaWebFilter quotaWebFilter(PartnerStore store, QuotaProperties properties, Clock clock,
			ProblemResponses problems) {
		return new QuotaWebFilter(new PartnerQuota(store, properties, clock), problems, properties);
	}

}
