package dev.bfftemplate.web;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets web-bff do on an event loop in tests, beyond what test-support's
 * LibraryBlockHoundIntegration allows every application. Everything else that blocks
 * fails the request.
 */
public class WebBffBlockHoundIntegration implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// Spring Security makes the login's state, nonce and PKCE verifier with its own
		// SecureRandom (not injectable), whose platform default reads a few bytes from
		// /dev/urandom, a device that never waits. web-bff's own random values come from
		// a DRBG seeded at start (SeededRandom).
		builder.allowBlockingCallsInside("org.springframework.security.crypto.keygen.SecureRandomBytesKeyGenerator",
				"generateKey");
	}

}
