package dev.bfftemplate.starter.idempotency;

/**
 * What to do with a keyed request, as {@link IdempotentRequests#claim} decides.
 *
 * @author BFF template
 */
public sealed interface IdempotencyDecision {

	/**
	 * The key is new: process the request, then {@link IdempotentRequests#complete
	 * complete} or {@link IdempotentRequests#release release} the key.
	 *
	 * @param storageKey the key in the store
	 * @param record the in-flight record this request holds
	 */
	record Process(String storageKey, IdempotencyRecord record) implements IdempotencyDecision {

	}

	/**
	 * The key's request has completed with the same fingerprint: answer its response.
	 *
	 * @param response the stored response
	 */
	record Replay(StoredResponse response) implements IdempotencyDecision {

	}

	/**
	 * The key's first request is still being processed (409).
	 */
	record InFlight() implements IdempotencyDecision {

	}

	/**
	 * The key was used for another request: other method, path or body (422).
	 */
	record Mismatch() implements IdempotencyDecision {

	}

}
