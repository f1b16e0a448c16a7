package dev.bfftemplate.starter.redis;

import java.io.IOException;
import java.time.Duration;

import dev.bfftemplate.test.redis.DedicatedRedis;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RedisStartupConnectionTests {

	@Test
	void aConnectionThatFailsUnderACommandIsAStoreOutageNotAnUnexpectedError() {
		try (DedicatedRedis redis = DedicatedRedis.start()) {
			LettuceConnectionFactory factory = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
			factory.afterPropertiesSet();
			factory.start();
			RedisStartupConnection connection = new RedisStartupConnection(factory,
					new RedisStartupProperties(Duration.ofMillis(200), Duration.ofSeconds(1)));
			try {
				connection.start();
				StepVerifier.create(connection.whenConnected()).verifyComplete();

				// what Lettuce hands the commands in flight when Redis resets the
				// connection
				IOException reset = new IOException("recvAddress(..) failed: Connection reset by peer");
				StepVerifier.create(connection.ifConnected(() -> Mono.error(reset)))
					.expectErrorSatisfies(
							(ex) -> assertThat(ex).isInstanceOf(RedisConnectionFailureException.class).hasCause(reset))
					.verify(Duration.ofSeconds(5));
				StepVerifier.create(connection.ifConnected(() -> Mono.just("PONG")))
					.expectNext("PONG")
					.verifyComplete();
			}
			finally {
				connection.stop();
				factory.destroy();
			}
		}
	}

}
