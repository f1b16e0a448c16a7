package dev.bfftemplate.partner.store;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where the partner API keeps what decides whether a request may run: revoked keys,
 * failed authentications per client address and quota counters. Redis when
 * {@code spring.data.redis.*} is configured (shared by every instance); this instance's
 * memory otherwise. Every method fails (an error signal) when the store cannot answer:
 * callers refuse the request then.
 */
public interface PartnerStore {

	/**
	 * Whether an API key was revoked.
	 * @param keyName the key's name (never the key)
	 * @return whether it is revoked
	 */
	Mono<Boolean> isRevoked(String keyName);

	/**
	 * Counts a failed authentication of a client address; the count lives for
	 * {@code window} from the first failure.
	 * @param address the client address
	 * @param window how long failures are remembered
	 * @return completion
	 */
	Mono<Void> countFailure(String address, Duration window);

	/**
	 * How long a client address must wait, when it has failed at least {@code limit}
	 * times in its window.
	 * @param address the client address
	 * @param limit the failures allowed
	 * @return the time left in its window, empty when under the limit
	 */
	Mono<Duration> failureWindowLeft(String address, long limit);

	/**
	 * Counts one request of a partner in its current second and day, unless either quota
	 * is spent (then nothing is counted).
	 * @param partnerId the partner
	 * @param epochSecond the current second
	 * @param perSecond the per-second quota
	 * @param perDay the per-day quota
	 * @param dayLeft how long the current UTC day lasts
	 * @return the counts after the request
	 */
	Mono<QuotaCounts> consume(String partnerId, long epochSecond, long perSecond, long perDay, Duration dayLeft);

	/**
	 * A partner's request counts.
	 *
	 * @param allowed whether the request was counted (within both quotas)
	 * @param second requests counted in the current second
	 * @param day requests counted in the current day
	 */
	record QuotaCounts(boolean allowed, long second, long day) {

	}

}
