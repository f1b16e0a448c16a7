package dev.bfftemplate.starter.idempotency;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Keeps one {@link IdempotencyRecord} per storage key, each expiring after its own time
 * to live. Every operation is atomic, also across application instances sharing the
 * store.
 *
 * @author BFF template
 * @see RedisIdempotencyStore
 * @see InMemoryIdempotencyStore
 */
public interface IdempotencyStore {

	/**
	 * Stores the record unless the key already has one.
	 * @param key the storage key
	 * @param record the record to store
	 * @param ttl how long it is kept
	 * @return the record the key already had, or empty when this one was stored
	 */
	Mono<IdempotencyRecord> putIfAbsent(String key, IdempotencyRecord record, Duration ttl);

	/**
	 * Replaces the key's record if it is still the expected one.
	 * @param key the storage key
	 * @param expected the record the key must have
	 * @param record the new record
	 * @param ttl how long the new record is kept
	 * @return whether it was replaced
	 */
	Mono<Boolean> replace(String key, IdempotencyRecord expected, IdempotencyRecord record, Duration ttl);

	/**
	 * Removes the key's record if it is still the expected one.
	 * @param key the storage key
	 * @param expected the record the key must have
	 * @return whether it was removed
	 */
	Mono<Boolean> remove(String key, IdempotencyRecord expected);

}
