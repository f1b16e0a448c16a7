package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last good values of an application without Caffeine: bounded in size and age.
 */
class MapStaleValuesTests {

	private final AtomicLong nanos = new AtomicLong();

	private final StaleValues.MapStaleValues values = new StaleValues.MapStaleValues(2, Duration.ofMinutes(10),
			this.nanos::get);

	@Test
	void servesAValueUntilItExpires() {
		this.values.put("reviews:p1", "good");
		this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
		assertThat(this.values.get("reviews:p1")).isEqualTo("good");
		this.nanos.addAndGet(Duration.ofMinutes(1).toNanos());
		assertThat(this.values.get("reviews:p1")).isNull();
	}

	@Test
	void neverHoldsMoreThanItsMaximumSize() {
		this.values.put("a", 1);
		this.values.put("b", 2);
		this.values.put("c", 3);
		this.values.put("c", 4);
		assertThat(this.values.size()).isEqualTo(2);
		assertThat(this.values.get("c")).isEqualTo(4);
	}

	@Test
	void dropsExpiredValuesBeforeLiveOnes() {
		this.values.put("old", 1);
		this.nanos.addAndGet(Duration.ofMinutes(5).toNanos());
		this.values.put("live", 2);
		this.nanos.addAndGet(Duration.ofMinutes(6).toNanos());
		this.values.put("new", 3);
		assertThat(this.values.get("live")).isEqualTo(2);
		assertThat(this.values.get("new")).isEqualTo(3);
	}

}
