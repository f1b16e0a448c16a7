package dev.bfftemplate.partner.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import reactor.core.publisher.Mono;

/**
 * The partner store in this instance's memory, for a single instance without Redis (the
 * demo launcher's default): quotas and failed attempts are per instance, and no key is
 * revoked (revocation without a restart needs Redis). Expired windows are dropped as new
 * ones are opened, so the maps hold only live windows.
 */
class InMemoryPartnerStore implements PartnerStore {

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	private final PartnerStoreKeys keys;

	private final Clock clock;

	InMemoryPartnerStore(PartnerStoreKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> isRevoked(String keyName) {
		return Mono.just(false);
	}

	@Override
	public Mono<Void> countFailure(String address, Duration window) {
		return Mono.fromRunnable(() -> increment(this.keys.failures(address), window));
	}

	@Override
	public Mono<Duration> failureWindowLeft(String address, long limit) {
		return Mono.fromSupplier(() -> {
			Window window = live(this.keys.failures(address));
			return (window != null && window.count() >= limit)
					? Duration.between(this.clock.instant(), window.expiresAt()) : null;
		});
	}

	@Override
	public synchronized Mono<QuotaCounts> consume(String partnerId, long epochSecond, long perSecond, long perDay,
			Duration dayLeft) {
		String secondKey = this.keys.quotaSecond(partnerId, epochSecond);
		String dayKey = this.keys.quotaDay(partnerId, epochSecond);
		Window second = live(secondKey);
		Window day = live(dayKey);
		long secondCount = (second != null) ? second.count() : 0;
		long dayCount = (day != null) ? day.count() : 0;
		if (secondCount >= perSecond || dayCount >= perDay) {
			return Mono.just(new QuotaCounts(false, secondCount, dayCount));
		}
		return Mono.just(new QuotaCounts(true, increment(secondKey, Duration.ofSeconds(1)).count(),
				increment(dayKey, dayLeft).count()));
	}

	private synchronized Window increment(String key, Duration lifetime) {
		Instant now = this.clock.instant();
		this.windows.values().removeIf((window) -> !window.expiresAt().isAfter(now));
		return this.windows.merge(key, new Window(1, now.plus(lifetime)),
				(current, first) -> new Window(current.count() + 1, current.expiresAt()));
	}

	private Window live(String key) {
		Window window = this.windows.get(key);
		return (window != null && window.expiresAt().isAfter(this.clock.instant())) ? window : null;
	}

	private record Window(long count, Instant expiresAt) {

	}

}
