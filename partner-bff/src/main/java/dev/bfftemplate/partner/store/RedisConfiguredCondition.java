package dev.bfftemplate.partner.store;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when any {@code spring.data.redis.*} connection key is set: then the partner
 * store is Redis, otherwise this instance's memory.
 */
class RedisConfiguredCondition extends AnyNestedCondition {

	RedisConfiguredCondition() {
		super(ConfigurationPhase.PARSE_CONFIGURATION);
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
