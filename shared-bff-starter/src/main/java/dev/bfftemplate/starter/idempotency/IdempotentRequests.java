package dev.bfftemplate.starter.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

/**
 * Processes each keyed request once per caller scope and key, as the IETF
 * {@code Idempotency-Key} draft asks: the first request takes the key, a retry with the
 * same fingerprint gets the stored response (or a conflict while the first is in flight),
 * a request with another fingerprint is refused. Usable from a controller or a filter
 * ({@link IdempotencyWebFilter} is the one the starter configures).
 * <p>
 * Keys are scoped: the storage key is a hash of the caller scope (the user, the partner)
 * and the client's key, so one caller never sees another's responses, and a stored key
 * name never contains what the client sent.
 *
 * @author BFF template
 */
public final class IdempotentRequests {

	private final IdempotencyStore store;

	private final IdempotencyProperties properties;

	/**
	 * Create a new instance.
	 * @param store where keys are kept
	 * @param properties the settings
	 */
	public IdempotentRequests(IdempotencyStore store, IdempotencyProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/**
	 * Takes the key for this request, or says why not.
	 * @param scope the caller scope
	 * @param key the client's idempotency key
	 * @param fingerprint the request's {@link #fingerprint}
	 * @return the decision; an error when the store fails
	 */
	public Mono<IdempotencyDecision> claim(String scope, String key, String fingerprint) {
		return Mono.defer(() -> {
			String storageKey = storageKey(scope, key);
			IdempotencyRecord mine = IdempotencyRecord.inFlight(ownerToken(), fingerprint);
			return this.store.putIfAbsent(storageKey, mine, this.properties.inFlightTimeout())
				.map((existing) -> decide(existing, fingerprint))
				.defaultIfEmpty(new IdempotencyDecision.Process(storageKey, mine));
		});
	}

	/**
	 * Stores the response of a processed request for its retries.
	 * @param claim the claim of the request
	 * @param response its response
	 * @return whether it was stored (not when the key expired meanwhile)
	 */
	public Mono<Boolean> complete(IdempotencyDecision.Process claim, StoredResponse response) {
		return this.store.replace(claim.storageKey(), claim.record(), claim.record().completed(response),
				this.properties.ttl());
	}

	/**
	 * Frees the key of a request that failed, so that a retry processes it again.
	 * @param claim the claim of the request
	 * @return whether the key was freed
	 */
	public Mono<Boolean> release(IdempotencyDecision.Process claim) {
		return this.store.remove(claim.storageKey(), claim.record());
	}

	/**
	 * The fingerprint of a request: a hash of its method, path (with query) and body.
	 * @param method the method
	 * @param pathAndQuery the path, with the query string if any
	 * @param body the body, empty if none
	 * @return the fingerprint
	 */
	public static String fingerprint(String method, String pathAndQuery, byte[] body) {
		MessageDigest digest = sha256();
		digest.update(method.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) '\n');
		digest.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) '\n');
		digest.update(body);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
	}

	String storageKey(String scope, String key) {
		MessageDigest digest = sha256();
		// the length prefix keeps ("ab", "c") and ("a", "bc") apart
		digest.update((scope.length() + ":" + scope + key).getBytes(StandardCharsets.UTF_8));
		return this.properties.store().keyPrefix()
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
	}

	private static IdempotencyDecision decide(IdempotencyRecord existing, String fingerprint) {
		if (!existing.fingerprint().equals(fingerprint)) {
			return new IdempotencyDecision.Mismatch();
		}
		StoredResponse response = existing.response();
		return (response != null) ? new IdempotencyDecision.Replay(response) : new IdempotencyDecision.InFlight();
	}

	// Only tells concurrent holders apart, so no SecureRandom (which may read a device
	// file on an event loop).
	private static String ownerToken() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
