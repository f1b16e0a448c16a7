package dev.bfftemplate.starter.downstream;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The starter's meters: {@code bff.downstream.calls} (timer with a histogram, tags
 * {@code downstream} and {@code outcome}), {@code bff.downstream.rejections},
 * {@code bff.downstream.concurrency.limit} and
 * {@code bff.downstream.concurrency.in-flight} (gauges), {@code bff.stale.serves} (tag
 * {@code downstream}) and {@code bff.partial.responses} (tags {@code code},
 * {@code dependency} and {@code reason}, one per warning).
 *
 * @author BFF template
 */
public final class DownstreamMetrics {

	private final MeterRegistry registry;

	/**
	 * Create a new instance.
	 * @param registry where the meters are registered
	 */
	public DownstreamMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void call(String downstream, CallOutcome outcome, Duration duration) {
		Timer.builder("bff.downstream.calls")
			.description("Calls to downstream services")
			.tag("downstream", downstream)
			.tag("outcome", outcome.tag())
			.publishPercentileHistogram()
			.register(this.registry)
			.record(duration);
	}

	void concurrencyLimit(String downstream, ConcurrencyLimit limit) {
		Gauge.builder("bff.downstream.concurrency.limit", limit, ConcurrencyLimit::limit)
			.description("Calls in flight the downstream's adaptive concurrency limit allows now")
			.tag("downstream", downstream)
			.register(this.registry);
		Gauge.builder("bff.downstream.concurrency.in-flight", limit, ConcurrencyLimit::inFlight)
			.description("Calls in flight to the downstream")
			.tag("downstream", downstream)
			.register(this.registry);
	}

	void rejection(String downstream) {
		Counter.builder("bff.downstream.rejections")
			.description("Calls rejected because the downstream's concurrency limit was reached")
			.tag("downstream", downstream)
			.register(this.registry)
			.increment();
	}

	/**
	 * Count a last good value served in place of a failed call.
	 * @param downstream the downstream that failed
	 */
	public void staleServe(String downstream) {
		Counter.builder("bff.stale.serves")
			.description("Last good values served because a call failed")
			.tag("downstream", downstream)
			.register(this.registry)
			.increment();
	}

	/**
	 * Count a warning of a partial response.
	 * @param code the warning's code
	 * @param dependency the dependency that was degraded
	 * @param reason why: {@code timeout}, {@code circuit-open}, {@code rejected},
	 * {@code error} or {@code stale}
	 */
	public void partialResponse(String code, String dependency, String reason) {
		Counter.builder("bff.partial.responses")
			.description("Degraded parts of partial responses, by warning code, dependency and reason")
			.tag("code", code)
			.tag("dependency", dependency)
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
