package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The last good values of {@link Policy#STALE_OK} parts, bounded in size and age.
 * Caffeine when the application has it (an optional dependency of the starter), a simpler
 * map otherwise.
 */
interface StaleValues {

	@Nullable Object get(Object key);

	void put(Object key, Object value);

	static StaleValues create(FanOutProperties.StaleCache settings) {
		if (ClassUtils.isPresent("com.github.benmanes.caffeine.cache.Caffeine", StaleValues.class.getClassLoader())) {
			return new CaffeineStaleValues(settings);
		}
		return new MapStaleValues(settings.maximumSize(), settings.timeToLive(), System::nanoTime);
	}

	/**
	 * Least recently used values go first when the cache is full.
	 */
	final class CaffeineStaleValues implements StaleValues {

		private final Cache<Object, Object> cache;

		CaffeineStaleValues(FanOutProperties.StaleCache settings) {
			this.cache = Caffeine.newBuilder()
				.maximumSize(settings.maximumSize())
				.expireAfterWrite(settings.timeToLive())
				.build();
		}

		@Override
		public @Nullable Object get(Object key) {
			return this.cache.getIfPresent(key);
		}

		@Override
		public void put(Object key, Object value) {
			this.cache.put(key, value);
		}

	}

	/**
	 * Without Caffeine: expired values are dropped when read or when the map is full, and
	 * a full map of live values drops an arbitrary one, so it never holds more than the
	 * maximum size. Lock-free, as every call runs on an event loop.
	 */
	final class MapStaleValues implements StaleValues {

		private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

		private final long maximumSize;

		private final long timeToLive;

		private final LongSupplier nanoTime;

		MapStaleValues(long maximumSize, Duration timeToLive, LongSupplier nanoTime) {
			this.maximumSize = maximumSize;
			this.timeToLive = timeToLive.toNanos();
			this.nanoTime = nanoTime;
		}

		@Override
		public @Nullable Object get(Object key) {
			Entry entry = this.entries.get(key);
			if (entry == null) {
				return null;
			}
			if (entry.expired(this.nanoTime.getAsLong())) {
				this.entries.remove(key, entry);
				return null;
			}
			return entry.value();
		}

		@Override
		public void put(Object key, Object value) {
			long now = this.nanoTime.getAsLong();
			if (!this.entries.containsKey(key) && this.entries.size() >= this.maximumSize) {
				this.entries.values().removeIf((entry) -> entry.expired(now));
				Iterator<Object> keys = this.entries.keySet().iterator();
				while (this.entries.size() >= this.maximumSize && keys.hasNext()) {
					keys.next();
					keys.remove();
				}
			}
			this.entries.put(key, new Entry(value, now + this.timeToLive));
		}

		int size() {
			return this.entries.size();
		}

		private record Entry(Object value, long expiresAt) {

			boolean expired(long now) {
				return now - this.expiresAt >= 0;
			}

		}

	}

}
