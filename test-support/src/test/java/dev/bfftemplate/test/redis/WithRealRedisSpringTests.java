package dev.bfftemplate.test.redis;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@WithRealRedis
@SpringBootTest(classes = WithRealRedisSpringTests.Config.class)
class WithRealRedisSpringTests {

	@Autowired
	StringRedisTemplate redis;

	@Value("${spring.data.redis.port}")
	int port;

	@Test
	void springContextIsPointedAtTheRealServer(RedisEndpoint endpoint) {
		assertThat(this.port).isEqualTo(endpoint.port());
		this.redis.opsForValue().set("spring-sees-real-redis", "yes");
		assertThat(this.redis.opsForValue().get("spring-sees-real-redis")).isEqualTo("yes");
		assertThat(this.redis.execute(
				(org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> connection.serverCommands()
					.info("server")))
			.asString()
			.contains("redis_version");
	}

	@ImportAutoConfiguration(DataRedisAutoConfiguration.class)
	static class Config {

	}

}
