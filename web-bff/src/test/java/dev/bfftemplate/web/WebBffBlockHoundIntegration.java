package dev.bfftemplate.web;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets web-bff do on an event loop in tests. Everything else that blocks
 * fails the request.
 */
public class WebBffBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Spring Data Redis hands out its shared connection (Spring Session's store)
		// under
		// a lock held for a null check; the connection itself is opened at start
		// (SessionStoreConfiguration), and SessionStoreConfigurationTests proves it.
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"doInLock");
		// Spring Security makes the login's state, nonce and PKCE verifier with its own
		// SecureRandom (not injectable), whose platform default reads a few bytes from
		// /dev/urandom, a device that never waits. web-bff's own random values come from
		// a DRBG seeded at start (EncryptingRedisSerializer).
		builder.allowBlockingCallsInside("org.springframework.security.crypto.keygen.SecureRandomBytesKeyGenerator",
				"generateKey");
		// Jackson builds a type's deserializer once, under a lock that parallel fan-out
		// calls decoding the same type for the first time wait on for microseconds
		// (jackson-databind#4430): CPU work, no I/O, only while a type is new.
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
	}

}
