package dev.bfftemplate.starter.redis;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when any {@code spring.data.redis.*} connection key is set: the one answer to
 * "is Redis configured?" for the starter and every BFF (shared sessions, idempotency
 * keys, partner keys and quotas in Redis; each instance's memory otherwise). Use it with
 * {@code @Conditional(RedisConfiguredCondition.class)}.
 */
public class RedisConfiguredCondition extends AnyNestedCondition {

	/**
	 * Creates the condition; it reads only properties, so it can decide while
	 * configuration classes are parsed.
	 */
	public RedisConfiguredCondition() {
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
