package dev.bfftemplate.edge;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets the edge do on an event loop in tests. Everything else that blocks
 * fails the request.
 */
public class EdgeBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Spring Data Redis hands out its shared connection under a lock held for a null
		// check; the connection itself is opened at start (RedisWindowCounter), and the
		// silent-Redis test in GatewayClusterTests proves no request waits for it.
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"doInLock");
	}

}
