package dev.bfftemplate.starter.tokenhandler.session;

import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/**
 * The opposite of {@link RedisConfiguredCondition}.
 */
class NoRedisConfiguredCondition extends NoneNestedConditions {

	NoRedisConfiguredCondition() {
		super(ConfigurationPhase.PARSE_CONFIGURATION);
	}

	@Conditional(RedisConfiguredCondition.class)
	static class RedisConfigured {

	}

}
