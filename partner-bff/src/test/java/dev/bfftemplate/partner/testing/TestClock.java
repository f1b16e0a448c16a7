package dev.bfftemplate.partner.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock until a test stops it, so that
 * per-second quota windows can be tested without racing the real second.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Instant> stopped = new AtomicReference<>();

	/**
	 * Stops the clock at the current instant.
	 */
	public void stop() {
		this.stopped.set(Instant.now());
	}

	/**
	 * Moves a stopped clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.stopped.updateAndGet((instant) -> instant.plus(duration));
	}

	/**
	 * Lets the clock run again.
	 */
	public void resume() {
		this.stopped.set(null);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		Instant instant = this.stopped.get();
		return (instant != null) ? instant : Instant.now();
	}

	/**
	 * Registers the clock.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
