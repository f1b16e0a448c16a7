package dev.bfftemplate.starter.downstream;

import java.time.Duration;

/**
 * The deadline of the screen request a downstream call belongs to, carried in the Reactor
 * context under this class so that retries never outlive it.
 *
 * @param nanoTime the deadline, on the {@link System#nanoTime()} clock
 * @author BFF template
 */
public record CallDeadline(long nanoTime) {

	/**
	 * A deadline that far from now.
	 * @param timeout the time left
	 * @return the deadline
	 */
	public static CallDeadline in(Duration timeout) {
		return new CallDeadline(System.nanoTime() + timeout.toNanos());
	}

	/**
	 * The time left, negative once passed.
	 * @return the time left
	 */
	public Duration remaining() {
		return Duration.ofNanos(this.nanoTime - System.nanoTime());
	}

}
