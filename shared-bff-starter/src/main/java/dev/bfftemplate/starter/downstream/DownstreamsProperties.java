package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import dev.bfftemplate.starter.fanout.Policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the starter adds to each HTTP service group, under
 * {@code bff.downstreams.<group>}. Base URL and connect/read timeouts stay under Boot's
 * {@code spring.http.serviceclient.<group>.*}; the breaker of the same name under
 * {@code resilience4j.circuitbreaker.instances.<group>.*}.
 *
 * @param downstreams The settings of each downstream, by group name
 * @author BFF template
 */
@ConfigurationProperties("bff")
@Validated
public record DownstreamsProperties(Map<String, @Valid Downstream> downstreams) {

	public DownstreamsProperties {
		downstreams = (downstreams != null) ? Map.copyOf(downstreams) : Map.of();
	}

	/**
	 * The settings of one downstream.
	 *
	 * @param defaultPolicy The policy of a call site that does not choose one
	 * @param timeout Timeout of one call, retries included (the request deadline still
	 * applies)
	 * @param maxConcurrent Calls in flight at most; the next one is rejected at once
	 * @param maxResponseSize Largest body accepted; a larger one fails the call
	 * @param retry Retries of idempotent calls
	 */
	public record Downstream(@DefaultValue("REQUIRED") Policy defaultPolicy, @DefaultValue("2s") Duration timeout,
			@DefaultValue("64") @Positive int maxConcurrent, @DefaultValue("1MB") DataSize maxResponseSize,
			@DefaultValue @Valid Retry retry) {

	}

	/**
	 * Retries of idempotent calls (GET, HEAD, OPTIONS, PUT, DELETE, and POST with an
	 * {@code Idempotency-Key}) after a connection failure or a 502, 503 or 504 answer,
	 * with jittered exponential backoff, only when the backoff ends before the request
	 * deadline.
	 *
	 * @param maxAttempts Attempts at most, the first one included (1 disables retries)
	 * @param backoff Base delay before the first retry, doubled for each next one and
	 * jittered by ±50%
	 * @param budgetRatio Retries earned by each first attempt: 0.2 lets at most one call
	 * in five be retried once the reserve is spent
	 * @param budgetReserve Retries allowed before any are earned, and the most the budget
	 * holds
	 */
	public record Retry(@DefaultValue("2") @Min(1) int maxAttempts, @DefaultValue("25ms") Duration backoff,
			@DefaultValue("0.2") @DecimalMin("0") double budgetRatio, @DefaultValue("10") @Min(0) int budgetReserve) {

	}

}
