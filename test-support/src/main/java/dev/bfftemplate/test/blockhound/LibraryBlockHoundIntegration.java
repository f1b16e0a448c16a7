package dev.bfftemplate.test.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets the libraries every application shares do on an event loop, in the
 * tests of every module that runs BlockHound (registered through
 * {@code META-INF/services}). Each allowance is a one-time read that the library caches
 * or a lock held for a few instructions of CPU work; everything else that blocks fails
 * the request. An application adds its own only for what is its alone.
 */
public class LibraryBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Hibernate Validator reads its message bundle from its jar on the first
		// constraint
		// violation in a locale and keeps it (PlatformResourceBundleLocator caches it).
		builder.allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator",
				"getResourceBundle");
		// Spring Data Redis hands out its shared connection under a lock held for a null
		// check; every application opens that connection at start, never on a request
		// (the edge's RedisWindowCounter, the session store, the idempotency and partner
		// stores), and their tests with a silent or stopped Redis prove no request waits.
		builder.allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"doInLock");
		// Jackson builds a type's deserializer once, under a lock that parallel fan-out
		// calls decoding the same type for the first time wait on for microseconds
		// (jackson-databind#4430): CPU work, no I/O, only while a type is new.
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
	}

}
