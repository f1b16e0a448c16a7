package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

/**
 * The adaptive concurrency limit of one downstream, a Netflix concurrency-limits
 * {@link SimpleLimiter}: a call either gets a permit at once or is rejected at once,
 * never waits (a reactive caller must not block), and each finished call tells the limit
 * how long it took.
 *
 * @author BFF template
 */
public final class ConcurrencyLimit {

	private final SimpleLimiter<Void> limiter;

	ConcurrencyLimit(String name, DownstreamsProperties.Downstream downstream) {
		this.limiter = SimpleLimiter.newBuilder().named(name).limit(limit(downstream)).build();
	}

	private static Limit limit(DownstreamsProperties.Downstream downstream) {
		DownstreamsProperties.Concurrency properties = downstream.concurrency();
		Duration latencyThreshold = (properties.latencyThreshold() != null) ? properties.latencyThreshold()
				: downstream.timeout();
		return switch (properties.algorithm()) {
			case AIMD -> AIMDLimit.newBuilder()
				.initialLimit(properties.initialLimit())
				.minLimit(properties.minLimit())
				.maxLimit(properties.maxLimit())
				.backoffRatio(properties.backoffRatio())
				.timeout(latencyThreshold.toNanos(), TimeUnit.NANOSECONDS)
				.build();
			case GRADIENT2 -> Gradient2Limit.newBuilder()
				.initialLimit(properties.initialLimit())
				.minLimit(properties.minLimit())
				.maxConcurrency(properties.maxLimit())
				.rttTolerance(properties.rttTolerance())
				.build();
		};
	}

	/**
	 * A permit for one call, if the limit allows it. The call must end the permit exactly
	 * once.
	 * @return the permit, or empty when the limit is reached
	 */
	Optional<Limiter.Listener> tryAcquire() {
		return this.limiter.acquire(null);
	}

	/**
	 * The current limit.
	 * @return calls in flight allowed now
	 */
	public int limit() {
		return this.limiter.getLimit();
	}

	/**
	 * The calls in flight.
	 * @return calls holding a permit now
	 */
	public int inFlight() {
		return this.limiter.getInflight();
	}

}
