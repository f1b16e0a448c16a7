package dev.bfftemplate.starter.downstream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of retries for one downstream: each first attempt earns {@code ratio} of
 * a retry, each retry spends one, and the bucket never holds more than {@code reserve}. A
 * failing downstream thus gets at most {@code ratio} extra calls per call once the
 * reserve is spent, instead of {@code maxAttempts} times the load.
 */
final class RetryBudget {

	/** Tokens are counted in thousandths to keep the bucket a lock-free long. */
	private static final long SCALE = 1000;

	private final long earnedPerCall;

	private final long capacity;

	private final AtomicLong balance;

	RetryBudget(double ratio, int reserve) {
		this.earnedPerCall = Math.round(ratio * SCALE);
		this.capacity = reserve * SCALE;
		this.balance = new AtomicLong(this.capacity);
	}

	void recordCall() {
		this.balance.accumulateAndGet(this.earnedPerCall,
				(current, earned) -> Math.min(this.capacity, current + earned));
	}

	boolean tryRetry() {
		long current;
		do {
			current = this.balance.get();
			if (current < SCALE) {
				return false;
			}
		}
		while (!this.balance.compareAndSet(current, current - SCALE));
		return true;
	}

}
