package dev.bfftemplate.starter.tokenhandler.session;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.session.SessionIdGenerator;

/**
 * Session ids of 256 random bits from a {@link SeededRandom}, URL-safe Base64. Spring
 * Session's default ({@code UUID.randomUUID()}, 122 bits) reads {@code /dev/urandom} on
 * the event loop at every login, when the session id is rotated.
 */
class RandomSessionIdGenerator implements SessionIdGenerator {

	private static final int ID_BYTES = 32;

	private final SecureRandom random = SeededRandom.create();

	@Override
	public String generate() {
		byte[] id = new byte[ID_BYTES];
		this.random.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

}
