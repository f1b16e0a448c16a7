package dev.bfftemplate.edge.ratelimit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs an outage of the rate limit store once when it starts and once when it ends. While
 * the store is down every request fails against it: one warning each would flood the log,
 * so the failures in between are only counted (in the {@code edge.rate-limit.decisions}
 * metric, outcome {@code store-failure-*}).
 */
class RateLimitStoreOutage {

	private static final Log logger = LogFactory.getLog(RateLimitStoreOutage.class);

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicLong failures = new AtomicLong();

	/**
	 * A request failed against the store.
	 * @param policy the request's policy
	 * @param consequence what happens to requests meanwhile
	 * @param ex the failure
	 */
	void failed(String policy, String consequence, Throwable ex) {
		this.failures.incrementAndGet();
		if (this.down.compareAndSet(false, true)) {
			logger.warn("Rate limit store failed, " + consequence + " until it answers again (policy " + policy
					+ "; further failures are only counted in edge.rate-limit.decisions): " + ex);
		}
	}

	/**
	 * A request was counted in the store.
	 */
	void succeeded() {
		// a plain read on every request; the atomic swap only when an outage ends
		if (this.down.get() && this.down.compareAndSet(true, false)) {
			logger.info("Rate limit store answers again, after " + this.failures.getAndSet(0)
					+ " requests failed against it");
		}
	}

}
