package dev.bfftemplate.starter.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * What a store keeps per caller and key: who holds it, the fingerprint of the request
 * that took it and, once that request has been answered, its response.
 *
 * @param owner a random token of the request that took the key, so that only it completes
 * or frees the key
 * @param fingerprint hash of the method, path and body of that request
 * @param response the response, {@code null} while the request is in flight
 * @author BFF template
 */
public record IdempotencyRecord(String owner, String fingerprint, @Nullable StoredResponse response) {

	static IdempotencyRecord inFlight(String owner, String fingerprint) {
		return new IdempotencyRecord(owner, fingerprint, null);
	}

	IdempotencyRecord completed(StoredResponse response) {
		return new IdempotencyRecord(this.owner, this.fingerprint, response);
	}

	boolean isInFlight() {
		return this.response == null;
	}

}
