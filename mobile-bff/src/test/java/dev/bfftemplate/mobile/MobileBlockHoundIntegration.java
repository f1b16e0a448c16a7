package dev.bfftemplate.mobile;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets mobile-bff do on an event loop in tests. Everything else that
 * blocks fails the request.
 */
public class MobileBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Spring Data Redis hands out its shared connection under a lock held for a null
		// check; the connection itself is opened at start (the starter's
		// RedisIdempotencyStore).
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"doInLock");
	}

}
