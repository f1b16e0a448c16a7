package dev.bfftemplate.demo.services.fault;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Faults injected into the requests of one service. Rates are fractions from 0 (never) to
 * 1 (every request). Latency is added first; then at most one of reset, hang, error or
 * malformed body happens, checked in that order.
 *
 * @param latency fixed delay added before the request is handled
 * @param jitter upper bound of a random delay added on top of the latency
 * @param errorRate fraction of requests answered with {@code errorStatus}
 * @param errorStatus 5xx status of injected errors
 * @param hangRate fraction of requests never answered, until the client gives up
 * @param resetRate fraction of requests whose connection is reset (TCP RST)
 * @param malformedRate fraction of requests whose JSON body is cut in half
 */
public record FaultSettings(@DefaultValue("0s") @DurationMin(nanos = 0) Duration latency,
		@DefaultValue("0s") @DurationMin(nanos = 0) Duration jitter,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double errorRate,
		@DefaultValue("503") @Min(500) @Max(599) int errorStatus,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double hangRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double resetRate,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double malformedRate) {

	/** No faults at all. */
	public static final FaultSettings NONE = new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 503, 0, 0, 0);

	/**
	 * Returns whether any fault is switched on.
	 * @return {@code true} if requests are affected
	 */
	public boolean isActive() {
		return !this.latency.isZero() || !this.jitter.isZero() || this.errorRate > 0 || this.hangRate > 0
				|| this.resetRate > 0 || this.malformedRate > 0;
	}

}
