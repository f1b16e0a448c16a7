package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * Counts in this instance's memory: for a single instance or a local run without Redis.
 * Several instances each count alone, so the effective limit multiplies.
 */
class InMemoryWindowCounter implements WindowCounter {

	private static final long MAX_KEYS = 100_000;

	private final Cache<String, Window> windows;

	InMemoryWindowCounter(Duration longestWindow) {
		this.windows = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(longestWindow).build();
	}

	@Override
	public Mono<WindowCount> increment(String key, Duration window) {
		long now = System.nanoTime();
		// a plain read while the window is current; the atomic replace only once per
		// window
		Window current = this.windows.getIfPresent(key);
		if (current == null || current.endsBefore(now)) {
			current = this.windows.asMap()
				.compute(key, (k, existing) -> (existing == null || existing.endsBefore(now))
						? new Window(now + window.toNanos()) : existing);
		}
		long count = current.count.incrementAndGet();
		return Mono.just(new WindowCount(count, Duration.ofNanos(Math.max(0, current.end - now))));
	}

	private static final class Window {

		private final long end;

		private final AtomicLong count = new AtomicLong();

		Window(long end) {
			this.end = end;
		}

		boolean endsBefore(long now) {
			return now - this.end >= 0;
		}

	}

}
