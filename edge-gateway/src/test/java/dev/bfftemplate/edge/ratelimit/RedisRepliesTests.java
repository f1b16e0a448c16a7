package dev.bfftemplate.edge.ratelimit;

import dev.bfftemplate.edge.EdgeGatewayTest;
import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge's Redis client publishes each reply on Lettuce's computation threads, so what
 * a request does after its rate-limit count never queues behind other requests on the
 * shared connection's one I/O thread (the starter does the same for the BFFs), and fails
 * fast while disconnected.
 */
@EdgeGatewayTest
class RedisRepliesTests {

	@Autowired
	LettuceConnectionFactory connectionFactory;

	@Test
	void repliesArePublishedOffTheIoThreadAndCommandsFailFastWhileDisconnected() {
		ClientOptions options = this.connectionFactory.getClientConfiguration().getClientOptions().orElseThrow();
		assertThat(options.isPublishOnScheduler()).isTrue();
		assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
