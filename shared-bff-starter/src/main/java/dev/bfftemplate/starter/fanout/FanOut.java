package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.downstream.CallDeadline;
import dev.bfftemplate.starter.downstream.CallFailures;
import dev.bfftemplate.starter.downstream.Downstream;
import dev.bfftemplate.starter.downstream.DownstreamMetrics;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.identity.CallerIdentity;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Runs the downstream calls of a screen in parallel and assembles one response from them,
 * each call guarded by its downstream's breaker and concurrency limit, capped by its
 * timeout and the request deadline, and degraded by its {@link Policy}.
 *
 * <pre class="code">
 * FanOutRequest screen = fanOut.request();
 * Part&lt;Product&gt; product = screen.call("catalog", catalog.product(id)).required();
 * Part&lt;Stock&gt; stock = screen.call("inventory", inventory.stock(id)).optional();
 * return screen.assemble((parts) -&gt; new ProductPage(parts.get(product), parts.get(stock),
 * 		parts.warnings()));
 * </pre>
 *
 * @author BFF template
 * @see FanOutRequest
 */
public class FanOut {

	private static final Log logger = LogFactory.getLog(FanOut.class);

	private final Downstreams downstreams;

	private final FanOutProperties properties;

	private final CallerIdentity callerIdentity;

	private final boolean relaysTokens;

	private final DownstreamMetrics metrics;

	private final StaleValues staleValues;

	/**
	 * Create a new instance.
	 * @param downstreams the downstreams, by name
	 * @param properties the fan-out settings
	 * @param callerIdentity who the current request acts for
	 * @param relaysTokens whether calls carry the caller's token: then a request with no
	 * caller identity never caches a last good value, since it may be the caller's own
	 * @param metrics the starter's meters
	 */
	public FanOut(Downstreams downstreams, FanOutProperties properties, CallerIdentity callerIdentity,
			boolean relaysTokens, DownstreamMetrics metrics) {
		this.downstreams = downstreams;
		this.properties = properties;
		this.callerIdentity = callerIdentity;
		this.relaysTokens = relaysTokens;
		this.metrics = metrics;
		this.staleValues = StaleValues.create(properties.staleCache());
	}

	/**
	 * A fan-out with default settings and anonymous callers, for tests and tools that run
	 * without an application context.
	 * @return a new fan-out
	 */
	public static FanOut withDefaults() {
		DownstreamMetrics metrics = new DownstreamMetrics(new SimpleMeterRegistry());
		Downstreams downstreams = Downstreams.withDefaults(metrics);
		FanOutProperties properties = new Binder().bindOrCreate("bff.fan-out", FanOutProperties.class);
		return new FanOut(downstreams, properties, Mono::empty, false, metrics);
	}

	/**
	 * Start the calls of one request, with the configured {@code bff.fan-out.deadline}.
	 * @return the request, to declare parts on
	 */
	public FanOutRequest request() {
		return request(this.properties.deadline());
	}

	/**
	 * Start the calls of one request with its own deadline.
	 * @param deadline the time the whole request may take
	 * @return the request, to declare parts on
	 */
	public FanOutRequest request(Duration deadline) {
		Assert.isTrue(deadline != null && !deadline.isNegative() && !deadline.isZero(), "'deadline' must be positive");
		return new FanOutRequest(this, deadline);
	}

	/**
	 * Fails at once on a name no downstream has, rather than when the request runs.
	 */
	void checkDownstream(String name) {
		this.downstreams.get(name);
	}

	Mono<Parts> run(List<Part<?>> parts, Duration deadline) {
		if (parts.isEmpty()) {
			return Mono.just(new Parts(Map.of(), List.of()));
		}
		return this.callerIdentity.current().defaultIfEmpty("").flatMap((caller) -> {
			CallDeadline callDeadline = CallDeadline.in(deadline);
			List<Mono<Outcome>> outcomes = parts.stream().map((part) -> outcome(part, caller, callDeadline)).toList();
			return Mono.zip(outcomes, this::toParts);
		});
	}

	private Parts toParts(Object[] outcomes) {
		Map<Part<?>, @Nullable Object> values = new LinkedHashMap<>();
		List<Warning> warnings = new ArrayList<>();
		for (Object element : outcomes) {
			Outcome outcome = (Outcome) element;
			values.put(outcome.part(), outcome.value());
			if (outcome.warning() != null) {
				Warning warning = outcome.warning();
				warnings.add(warning);
				this.metrics.partialResponse(warning.code(), warning.dependency(), warning.reason().value());
			}
		}
		return new Parts(values, warnings);
	}

	private Mono<Outcome> outcome(Part<?> part, String caller, CallDeadline deadline) {
		Downstream downstream = this.downstreams.get(part.downstream());
		Policy policy = (part.policy() != null) ? part.policy() : downstream.properties().defaultPolicy();
		Duration timeout = (part.timeout() != null) ? part.timeout() : downstream.properties().timeout();
		StaleKey staleKey = staleKey(part, policy, caller);
		Mono<?> call = downstream.guard(Mono.defer(() -> part.call().timeout(shortest(timeout, deadline.remaining()))));
		return call.<Outcome>map((value) -> fresh(part, value, staleKey))
			.switchIfEmpty(Mono.fromSupplier(() -> new Outcome(part, null, null)))
			.onErrorResume((failure) -> Mono
				.deferContextual((context) -> degraded(part, policy, staleKey, failure, CurrentTraceId.from(context))))
			.contextWrite((context) -> context.put(CallDeadline.class, deadline));
	}

	private Outcome fresh(Part<?> part, Object value, @Nullable StaleKey staleKey) {
		if (staleKey != null) {
			this.staleValues.put(staleKey, value);
		}
		return new Outcome(part, value, null);
	}

	private Mono<Outcome> degraded(Part<?> part, Policy policy, @Nullable StaleKey staleKey, Throwable failure,
			@Nullable String traceId) {
		if (CallFailures.isNotFound(failure)) {
			return (policy != Policy.REQUIRED) ? Mono.just(new Outcome(part, null, null))
					: Mono.error(notFound(traceId, failure));
		}
		Reason reason = reasonOf(failure);
		logFailure(part, policy, reason, traceId, failure);
		return switch (policy) {
			case REQUIRED -> Mono.error(new DependencyFailureException(part.downstream(), reason, traceId, failure));
			case OPTIONAL ->
				Mono.just(new Outcome(part, null, Warning.unavailable(part.name(), part.downstream(), reason)));
			case OMIT -> Mono.just(new Outcome(part, null, Warning.omitted(part.name(), part.downstream(), reason)));
			case STALE_OK -> Mono.just(stale(part, staleKey, reason));
		};
	}

	private Outcome stale(Part<?> part, @Nullable StaleKey staleKey, Reason reason) {
		Object lastGood = (staleKey != null) ? this.staleValues.get(staleKey) : null;
		if (lastGood == null) {
			return new Outcome(part, null, Warning.unavailable(part.name(), part.downstream(), reason));
		}
		this.metrics.staleServe(part.downstream());
		return new Outcome(part, lastGood, Warning.stale(part.name(), part.downstream()));
	}

	private @Nullable StaleKey staleKey(Part<?> part, Policy policy, String caller) {
		if (policy != Policy.STALE_OK || part.staleKey() == null || (caller.isEmpty() && this.relaysTokens)) {
			return null;
		}
		return new StaleKey(caller, part.downstream(), part.name(), part.staleKey());
	}

	private static Reason reasonOf(Throwable failure) {
		if (CallFailures.isCircuitOpen(failure)) {
			return Reason.CIRCUIT_OPEN;
		}
		if (CallFailures.isRejected(failure)) {
			return Reason.REJECTED;
		}
		return CallFailures.isTimeout(failure) ? Reason.TIMEOUT : Reason.ERROR;
	}

	/**
	 * One line per failed call, with what an operator needs to find it (dependency,
	 * reason, trace id): a downstream that times out or answers 503 is an everyday event,
	 * not a defect, so its stack trace would only bury the logs. Only a failure no
	 * downstream explains (a defect of the application) is logged with its stack.
	 */
	private static void logFailure(Part<?> part, Policy policy, Reason reason, @Nullable String traceId,
			Throwable failure) {
		String message = "Downstream call failed: dependency=" + part.downstream() + " part=" + part.name() + " reason="
				+ reason + " policy=" + policy + " traceId=" + ((traceId != null) ? traceId : "none") + " failure="
				+ describe(failure);
		if (!CallFailures.isExpected(failure)) {
			logger.error(message, failure);
		}
		else if (logger.isWarnEnabled()) {
			logger.warn(message);
		}
	}

	private static String describe(Throwable failure) {
		if (failure instanceof WebClientResponseException response) {
			return "HTTP " + response.getStatusCode().value();
		}
		return NestedExceptionUtils.getMostSpecificCause(failure).getClass().getSimpleName();
	}

	private static ErrorResponseException notFound(@Nullable String traceId, Throwable failure) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, failure);
	}

	private static Duration shortest(Duration timeout, Duration remaining) {
		if (remaining.isNegative()) {
			return Duration.ZERO;
		}
		return (remaining.compareTo(timeout) < 0) ? remaining : timeout;
	}

	/**
	 * A last good value's key: never shared between callers.
	 */
	private record StaleKey(String caller, String downstream, String part, String key) {

	}

}
