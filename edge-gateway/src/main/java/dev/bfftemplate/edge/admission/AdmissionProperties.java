package dev.bfftemplate.edge.admission;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admission control in front of each BFF, under {@code edge.admission}: the routes'
 * {@code Admission=<upstream>} filter lets at most a limit of requests be in flight to
 * one upstream and queues the rest at the edge, first come first served, the way a load
 * balancer's per-server connection limit and queue do (HAProxy's {@code maxconn} and
 * {@code timeout queue}). The limit adapts to the upstream's latency (Netflix
 * concurrency-limits' gradient algorithm): it shrinks when the upstream's answers slow
 * down and grows back while they stay fast. A queued request has not reached the BFF, so
 * neither the route's response timeout nor its circuit breaker counts the wait: a burst
 * of healthy traffic waits its turn instead of timing out inside the BFF and opening
 * breakers.
 *
 * @param enabled whether the {@code Admission} filters limit anything (off: they pass
 * every request straight through)
 * @param initialLimit requests in flight to one upstream allowed at start
 * @param minLimit the lowest the limit goes, however slow the upstream gets
 * @param maxLimit the highest the limit goes, the most requests one upstream is given at
 * once however fast it answers (HAProxy's {@code maxconn}): the gradient alone keeps
 * growing the limit under a sustained overload, once the upstream's slow answers have
 * become its long-run average. Size it to what the upstream's instances serve together (a
 * route may set its own: {@code Admission=<upstream>,<max-limit>})
 * @param rttTolerance how much slower than its long-run average an upstream may answer
 * before the limit shrinks (2 = twice as slow); the machines a BFF runs on are noisy
 * @param maxQueueLength requests waiting for one upstream at most; one more is refused at
 * once with 503 (0: nothing waits, the limit refuses)
 * @param maxQueueWait how long a request may wait in the queue before it is refused with
 * 503; a client waits at most this plus the route's response timeout
 * @param retryAfter the {@code Retry-After} of a refused request
 */
@ConfigurationProperties("edge.admission")
@Validated
public record AdmissionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("16") @Positive int initialLimit,
		@DefaultValue("4") @Positive int minLimit, @DefaultValue("16") @Positive int maxLimit,
		@DefaultValue("2.0") @DecimalMin("1.0") double rttTolerance,
		@DefaultValue("2000") @PositiveOrZero int maxQueueLength, @DefaultValue("10s") Duration maxQueueWait,
		@DefaultValue("2s") Duration retryAfter) {

	public AdmissionProperties {
		if (minLimit > initialLimit || initialLimit > maxLimit) {
			throw new IllegalArgumentException("edge.admission limits must satisfy min-limit (" + minLimit
					+ ") <= initial-limit (" + initialLimit + ") <= max-limit (" + maxLimit + ")");
		}
	}

	/**
	 * These settings with another highest limit (a route's own).
	 * @param maxLimit the highest limit
	 * @return the settings, the initial and lowest limits capped by it
	 */
	AdmissionProperties withMaxLimit(int maxLimit) {
		return new AdmissionProperties(this.enabled, Math.min(this.initialLimit, maxLimit),
				Math.min(this.minLimit, maxLimit), maxLimit, this.rttTolerance, this.maxQueueLength, this.maxQueueWait,
				this.retryAfter);
	}

}
