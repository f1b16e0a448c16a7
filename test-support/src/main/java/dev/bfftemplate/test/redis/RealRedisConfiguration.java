package dev.bfftemplate.test.redis;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Runs an application from a {@code Test<App>Application} main method against the shared
 * real Redis:
 * {@code SpringApplication.from(App::main).with(RealRedisConfiguration.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealRedisConfiguration {

	@Bean
	DynamicPropertyRegistrar realRedisProperties() {
		return (registry) -> {
			registry.add("spring.data.redis.host", () -> RealRedis.endpoint().host());
			registry.add("spring.data.redis.port", () -> RealRedis.endpoint().port());
		};
	}

}
