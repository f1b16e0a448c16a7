package dev.bfftemplate.test.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithRealRedis
class RealRedisTests {

	@Test
	void talksToARealRedisServer(RedisEndpoint redis) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String info = connection.sync().info("server");
			assertThat(info).contains("redis_version:").contains("tcp_port:" + redis.port());
			connection.sync().set("real-redis-test", "stored");
			assertThat(connection.sync().get("real-redis-test")).isEqualTo("stored");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void argumentsPointAnApplicationAtTheServer(RedisEndpoint redis) {
		assertThat(RealRedis.arguments("--server.port=0")).containsExactly("--server.port=0",
				"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port());
	}

	@Test
	void isOneServerPerJvm(RedisEndpoint redis) {
		assertThat(RealRedis.endpoint()).isSameAs(redis);
	}

}
