package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

/**
 * Keeps keys in a bounded Caffeine cache, each entry expiring after its own time to live:
 * for a single instance (the demo launcher) or tests. Instances do not share it.
 *
 * @author BFF template
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

	private final ConcurrentMap<String, Entry> entries;

	/**
	 * Create a store.
	 * @param maximumSize how many keys it keeps at most
	 */
	public InMemoryIdempotencyStore(long maximumSize) {
		this(maximumSize, Ticker.systemTicker());
	}

	InMemoryIdempotencyStore(long maximumSize, Ticker ticker) {
		Cache<String, Entry> cache = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.ticker(ticker)
			.expireAfter(new EntryExpiry())
			.build();
		this.entries = cache.asMap();
	}

	@Override
	public Mono<IdempotencyRecord> putIfAbsent(String key, IdempotencyRecord record, Duration ttl) {
		return Mono.fromSupplier(() -> {
			Entry existing = this.entries.putIfAbsent(key, new Entry(record, ttl));
			return (existing != null) ? existing.record() : null;
		});
	}

	@Override
	public Mono<Boolean> replace(String key, IdempotencyRecord expected, IdempotencyRecord record, Duration ttl) {
		return Mono.fromSupplier(() -> {
			Entry current = this.entries.get(key);
			return current != null && current.record().equals(expected)
					&& this.entries.replace(key, current, new Entry(record, ttl));
		});
	}

	@Override
	public Mono<Boolean> remove(String key, IdempotencyRecord expected) {
		return Mono.fromSupplier(() -> {
			Entry current = this.entries.get(key);
			return current != null && current.record().equals(expected) && this.entries.remove(key, current);
		});
	}

	private record Entry(IdempotencyRecord record, Duration ttl) {

	}

	private static final class EntryExpiry implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return entry.ttl().toNanos();
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return entry.ttl().toNanos();
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
