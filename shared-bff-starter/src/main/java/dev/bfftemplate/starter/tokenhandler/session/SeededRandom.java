package dev.bfftemplate.starter.tokenhandler.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random values made on event loops (session ids, encryption nonces) come from a DRBG
 * (NIST SP 800-90A) seeded when it is created, at start: afterwards it works in memory.
 * The platform default ({@code NativePRNG}) reads {@code /dev/urandom} for every value, a
 * file read on the thread that serves requests.
 */
final class SeededRandom {

	private static final int SEEDING_BYTES = 16;

	private SeededRandom() {
	}

	static SecureRandom create() {
		try {
			SecureRandom random = SecureRandom.getInstance("DRBG");
			// The first call seeds it: here, not on a request's thread.
			random.nextBytes(new byte[SEEDING_BYTES]);
			return random;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK has no DRBG SecureRandom", ex);
		}
	}

}
