package dev.bfftemplate.starter.redis;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/**
 * The readiness probe ({@code /readyz}) of an application that needs Redis: the
 * application's readiness state, but {@code REFUSING_TRAFFIC} (503) until the
 * {@link RedisStartupConnection} has opened the connection. Liveness is untouched: an
 * application waiting for Redis is alive, and restarting it would not bring Redis sooner.
 *
 * @author BFF template
 */
public class RedisReadinessStateHealthIndicator extends ReadinessStateHealthIndicator {

	private final RedisStartupConnection redis;

	/**
	 * Create the indicator.
	 * @param availability the application's availability
	 * @param redis the connection opened at start
	 */
	public RedisReadinessStateHealthIndicator(ApplicationAvailability availability, RedisStartupConnection redis) {
		super(availability);
		this.redis = redis;
	}

	@Override
	protected AvailabilityState getState(ApplicationAvailability availability) {
		return this.redis.isConnected() ? super.getState(availability) : ReadinessState.REFUSING_TRAFFIC;
	}

}
