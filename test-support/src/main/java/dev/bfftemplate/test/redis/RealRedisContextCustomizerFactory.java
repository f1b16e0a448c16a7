package dev.bfftemplate.test.redis;

import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points Spring tests annotated with {@link WithRealRedis} at the shared real Redis.
 */
class RealRedisContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean wanted = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.isPresent(WithRealRedis.class);
		return wanted ? new RealRedisContextCustomizer() : null;
	}

	private static final class RealRedisContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			RedisEndpoint redis = RealRedis.endpoint();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("realRedis", Map.of("spring.data.redis.host", redis.host(),
						"spring.data.redis.port", String.valueOf(redis.port()))));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RealRedisContextCustomizer;
		}

		@Override
		public int hashCode() {
			return RealRedisContextCustomizer.class.hashCode();
		}

	}

}
