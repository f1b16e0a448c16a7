package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.jspecify.annotations.Nullable;

import dev.bfftemplate.starter.fanout.Policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the starter adds to each HTTP service group, under
 * {@code bff.downstreams.<group>}: its policy, timeout, concurrency limit, retries and
 * circuit breaker. Base URL and connect/read timeouts stay under Boot's
 * {@code spring.http.serviceclient.<group>.*}. Every name must be an HTTP service
 * group's.
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
	 * @param concurrency The adaptive limit of calls in flight: a call over it is
	 * rejected at once, without being made
	 * @param maxResponseSize Largest body accepted; a larger one fails the call
	 * @param retry Retries of idempotent calls
	 * @param circuitBreaker The downstream's circuit breaker
	 */
	public record Downstream(@DefaultValue("REQUIRED") Policy defaultPolicy, @DefaultValue("2s") Duration timeout,
			@DefaultValue @Valid Concurrency concurrency, @DefaultValue("1MB") DataSize maxResponseSize,
			@DefaultValue @Valid Retry retry, @DefaultValue @Valid CircuitBreaker circuitBreaker) {

	}

	/**
	 * The Resilience4j circuit breaker of a downstream (count-based sliding window),
	 * named after it. The defaults suit a BFF, unlike Resilience4j's own (100 calls
	 * before a breaker can open, 60 s open, and no timer to half-open it). Anything else
	 * of Resilience4j's configuration is set with a {@link DownstreamCustomizer}.
	 *
	 * @param slidingWindowSize Calls the failure rate is computed over
	 * @param minimumNumberOfCalls Calls needed before the failure rate counts
	 * @param failureRateThreshold Failure percentage that opens the breaker
	 * @param waitDurationInOpenState How long the breaker stays open before letting trial
	 * calls through
	 * @param permittedNumberOfCallsInHalfOpenState Trial calls that decide whether the
	 * breaker closes again
	 * @param automaticTransitionFromOpenToHalfOpenEnabled Whether a timer half-opens the
	 * breaker once the wait is over, rather than the next call: otherwise an idle breaker
	 * stays open, and its health and metrics say so, until a call comes
	 */
	public record CircuitBreaker(@DefaultValue("20") @Positive int slidingWindowSize,
			@DefaultValue("10") @Positive int minimumNumberOfCalls,
			@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
			@DefaultValue("10s") Duration waitDurationInOpenState,
			@DefaultValue("3") @Positive int permittedNumberOfCallsInHalfOpenState,
			@DefaultValue("true") boolean automaticTransitionFromOpenToHalfOpenEnabled) {

	}

	/**
	 * The adaptive concurrency limit of a downstream (Netflix concurrency-limits): calls
	 * in flight above the current limit are rejected at once, before they start. The
	 * limit starts at {@code initial-limit}, stays within {@code min-limit} and
	 * {@code max-limit}, and moves with the downstream's latency: a healthy downstream,
	 * however many calls it gets, keeps the limit where it is, and shedding starts only
	 * once its calls slow down or time out.
	 *
	 * @param algorithm How the limit moves with the latency
	 * @param initialLimit Limit at start-up, high enough for a burst of a healthy
	 * downstream's calls
	 * @param minLimit Lowest limit: the calls let through to a slow downstream
	 * @param maxLimit Highest limit
	 * @param latencyThreshold AIMD: a call slower than this (or timed out, or answered
	 * 429 or 503) counts as a sign of overload and shrinks the limit by
	 * {@code backoff-ratio}; every other completed call while the limit is half used or
	 * more grows it by one. By default the downstream's {@code timeout}: then only calls
	 * that fail anyway shrink the limit, never a healthy downstream slowed by the
	 * caller's own load
	 * @param backoffRatio AIMD: what the limit is multiplied by on each sign of overload
	 * @param rttTolerance Gradient2: how much slower than its long-term average a call
	 * may be before the limit shrinks (1.5 = 50% slower)
	 */
	public record Concurrency(@DefaultValue("AIMD") Algorithm algorithm,
			@DefaultValue("1000") @Positive int initialLimit, @DefaultValue("20") @Positive int minLimit,
			@DefaultValue("1000") @Positive int maxLimit, @Nullable Duration latencyThreshold,
			@DefaultValue("0.9") @DecimalMin("0.5") @DecimalMax(value = "1", inclusive = false) double backoffRatio,
			@DefaultValue("1.5") @DecimalMin("1") double rttTolerance) {

	}

	/**
	 * How an adaptive concurrency limit moves with the downstream's latency.
	 */
	public enum Algorithm {

		/**
		 * Additive increase, multiplicative decrease: the limit shrinks when calls exceed
		 * the {@code latency-threshold}, time out or are refused as overloaded, so a
		 * healthy downstream is never shed however much the caller's own load slows its
		 * answers below the threshold.
		 */
		AIMD,

		/**
		 * The gradient of the latency: the limit shrinks when calls get slower than their
		 * long-term average by more than the {@code rtt-tolerance}. Reacts to smaller
		 * slow-downs than AIMD, including those caused by the caller's own load.
		 */
		GRADIENT2

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
