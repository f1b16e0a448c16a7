package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breaker of each downstream, under Resilience4j's usual
 * {@code resilience4j.circuitbreaker.instances.<name>.*} keys (a subset of them, with the
 * same names). The defaults suit a BFF, unlike Resilience4j's own (100 calls before a
 * breaker can open, 60 s open).
 *
 * @param instances The breaker settings by downstream name
 * @author BFF template
 */
@ConfigurationProperties("resilience4j.circuitbreaker")
@Validated
public record CircuitBreakerProperties(Map<String, @Valid Instance> instances) {

	public CircuitBreakerProperties {
		instances = (instances != null) ? Map.copyOf(instances) : Map.of();
	}

	/**
	 * The settings of one breaker (count-based sliding window).
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
	public record Instance(@DefaultValue("20") @Positive int slidingWindowSize,
			@DefaultValue("10") @Positive int minimumNumberOfCalls,
			@DefaultValue("50") @Min(1) @Max(100) float failureRateThreshold,
			@DefaultValue("10s") Duration waitDurationInOpenState,
			@DefaultValue("3") @Positive int permittedNumberOfCallsInHalfOpenState,
			@DefaultValue("true") boolean automaticTransitionFromOpenToHalfOpenEnabled) {

	}

}
