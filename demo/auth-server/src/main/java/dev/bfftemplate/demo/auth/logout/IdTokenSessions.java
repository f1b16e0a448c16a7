package dev.bfftemplate.demo.auth.logout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which clients received an ID token in which session of this server, keyed by the
 * session's {@code sid}. Spring Authorization Server puts into each ID token a
 * {@code sid} that is the Base64url SHA-256 of the HTTP session id it found for the user
 * in its {@code SessionRegistry} (OAuth2AuthorizationCodeAuthenticationProvider), so the
 * session that ends can be matched by hashing its id the same way; when a session's id
 * changes, its entries move to the new hash and keep the {@code sid} they were issued
 * with. In memory, like everything else of this server.
 */
final class IdTokenSessions {

	private final Map<String, Set<Recipient>> bySessionHash = new ConcurrentHashMap<>();

	/**
	 * Records that a client received an ID token.
	 * @param recipient the client, user, {@code sid} and issuer of the ID token
	 */
	void issued(Recipient recipient) {
		this.bySessionHash.computeIfAbsent(recipient.sid(), (key) -> ConcurrentHashMap.newKeySet()).add(recipient);
	}

	/**
	 * The session's id changed (a new login in the same browser session): its ID tokens
	 * still name the {@code sid} they were issued with.
	 * @param oldSessionId the HTTP session id before
	 * @param newSessionId the HTTP session id after
	 */
	void sessionIdChanged(String oldSessionId, String newSessionId) {
		Set<Recipient> recipients = this.bySessionHash.remove(hash(oldSessionId));
		if (recipients != null) {
			this.bySessionHash.merge(hash(newSessionId), recipients, (existing, moved) -> {
				existing.addAll(moved);
				return existing;
			});
		}
	}

	/**
	 * Forgets an ended session.
	 * @param sessionId the HTTP session id
	 * @return every client that received an ID token in that session
	 */
	Set<Recipient> ended(String sessionId) {
		Set<Recipient> recipients = this.bySessionHash.remove(hash(sessionId));
		return (recipients != null) ? Set.copyOf(recipients) : Set.of();
	}

	/**
	 * The {@code sid} Spring Authorization Server derives from an HTTP session id.
	 * @param sessionId the HTTP session id
	 * @return its Base64url (unpadded) SHA-256
	 */
	static String hash(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * A client that received an ID token in a session.
	 *
	 * @param clientId the client (the ID token's audience)
	 * @param subject the user ({@code sub})
	 * @param sid the session ({@code sid}) as the ID token named it
	 * @param issuer the issuer the ID token named
	 */
	record Recipient(String clientId, String subject, String sid, String issuer) {

	}

}
