package dev.bfftemplate.partner;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets partner-bff do on an event loop in tests, beyond test-support's
 * {@code LibraryBlockHoundIntegration}. Everything else that blocks fails the request.
 */
public class PartnerBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Spring Data Redis hands out its shared connection under a lock held for a null
		// check; the connection itself is opened at start (RedisConnectionConfiguration).
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"doInLock");
	}

}
