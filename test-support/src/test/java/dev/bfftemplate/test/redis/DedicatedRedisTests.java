package dev.bfftemplate.test.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A test's own Redis goes away when stopped and comes back on the same port with its
 * data, while the JVM's shared one is left alone.
 */
class DedicatedRedisTests {

	@Test
	void stopsAndComesBackOnTheSamePortWithItsData() {
		try (DedicatedRedis redis = DedicatedRedis.start()) {
			assertThat(redis.port()).isNotEqualTo(RealRedis.endpoint().port());
			set(redis, "dedicated-redis-test", "kept");
			assertThat(redis.keys()).isEqualTo(1);

			redis.stop();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> connect(redis.port()));

			redis.restart();
			assertThat(redis.endpoint().port()).isEqualTo(redis.port());
			assertThat(get(redis, "dedicated-redis-test")).isEqualTo("kept");
			assertThat(redis.keys()).isEqualTo(1);
		}
	}

	private static void set(DedicatedRedis redis, String key, String value) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set(key, value);
		}
		finally {
			client.shutdown();
		}
	}

	private static String get(DedicatedRedis redis, String key) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().get(key);
		}
		finally {
			client.shutdown();
		}
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
	}

}
