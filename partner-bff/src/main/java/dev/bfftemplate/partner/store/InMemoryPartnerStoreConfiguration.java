package dev.bfftemplate.partner.store;

import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import java.time.Clock;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties;
import dev.bfftemplate.partner.quota.QuotaProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.data.redis.*}: the partner store in memory, and a warning saying
 * what that means.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(InMemoryPartnerStoreConfiguration.NoRedisConfigured.class)
class InMemoryPartnerStoreConfiguration {

	private static final Log logger = LogFactory.getLog(InMemoryPartnerStoreConfiguration.class);

	@Bean
	PartnerStore inMemoryPartnerStore(PartnerIdentityProperties identity, QuotaProperties quota, Clock clock) {
		logger.warn("No spring.data.redis.* configured: partner quotas and failed attempts are counted in memory, "
				+ "per instance, and API keys can be revoked only by removing them from the configuration");
		return new InMemoryPartnerStore(new PartnerStoreKeys(identity, quota), clock);
	}

	static class NoRedisConfigured extends NoneNestedConditions {

		NoRedisConfigured() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@Conditional(RedisConfiguredCondition.class)
		static class RedisConfigured {

		}

	}

}
