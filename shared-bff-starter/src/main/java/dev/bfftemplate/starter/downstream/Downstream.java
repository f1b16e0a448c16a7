package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.netflix.concurrency.limits.Limiter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import reactor.core.publisher.Mono;

/**
 * One downstream service as the fan-out sees it: its settings, its circuit breaker, its
 * concurrency limit and its retry budget.
 *
 * @author BFF template
 */
public final class Downstream {

	private final String name;

	private final DownstreamsProperties.Downstream properties;

	private final CircuitBreaker circuitBreaker;

	private final ConcurrencyLimit concurrencyLimit;

	private final RetryBudget retryBudget;

	private final DownstreamMetrics metrics;

	Downstream(String name, DownstreamsProperties.Downstream properties, CircuitBreaker circuitBreaker,
			ConcurrencyLimit concurrencyLimit, DownstreamMetrics metrics) {
		this.name = name;
		this.properties = properties;
		this.circuitBreaker = circuitBreaker;
		this.concurrencyLimit = concurrencyLimit;
		this.retryBudget = new RetryBudget(properties.retry().budgetRatio(), properties.retry().budgetReserve());
		this.metrics = metrics;
	}

	/**
	 * The downstream's name: its HTTP service group and breaker name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The downstream's settings.
	 * @return the settings
	 */
	public DownstreamsProperties.Downstream properties() {
		return this.properties;
	}

	/**
	 * The downstream's circuit breaker.
	 * @return the breaker
	 */
	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * The downstream's adaptive concurrency limit.
	 * @return the limit
	 */
	public ConcurrencyLimit concurrencyLimit() {
		return this.concurrencyLimit;
	}

	RetryBudget retryBudget() {
		return this.retryBudget;
	}

	/**
	 * Run a call through the breaker and the concurrency limit, and record its outcome.
	 * The call fails at once, without being subscribed, with a
	 * {@link CallNotPermittedException} while the breaker is open and a
	 * {@link ConcurrencyLimitExceededException} when the concurrency limit is reached. A
	 * 4xx answer counts as a success for the breaker: the downstream is up and answered.
	 * Each call's latency feeds the concurrency limit, except failures that say nothing
	 * about the downstream's load (errors other than timeouts and overload answers) and
	 * cancelled calls.
	 * @param <T> the type of the answer
	 * @param call the call, its timeout applied
	 * @return the guarded call
	 */
	public <T> Mono<T> guard(Mono<T> call) {
		return Mono.defer(() -> {
			if (!this.circuitBreaker.tryAcquirePermission()) {
				this.metrics.call(this.name, CallOutcome.CIRCUIT_OPEN, Duration.ZERO);
				return Mono.error(CallNotPermittedException.createCallNotPermittedException(this.circuitBreaker));
			}
			Optional<Limiter.Listener> permit = this.concurrencyLimit.tryAcquire();
			if (permit.isEmpty()) {
				this.circuitBreaker.releasePermission();
				this.metrics.rejection(this.name);
				this.metrics.call(this.name, CallOutcome.REJECTED, Duration.ZERO);
				return Mono.error(new ConcurrencyLimitExceededException(this.name, this.concurrencyLimit.limit()));
			}
			GuardedCall guarded = new GuardedCall(permit.get());
			return call.doOnSuccess((value) -> guarded.succeeded())
				.doOnError(guarded::failed)
				.doOnCancel(guarded::cancelled);
		});
	}

	/**
	 * Releases the permits of one call exactly once, whichever signal comes first.
	 */
	private final class GuardedCall {

		private final long start = System.nanoTime();

		private final AtomicBoolean finished = new AtomicBoolean();

		private final Limiter.Listener permit;

		GuardedCall(Limiter.Listener permit) {
			this.permit = permit;
		}

		void succeeded() {
			if (finish()) {
				this.permit.onSuccess();
				long elapsed = elapsed();
				Downstream.this.circuitBreaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
				Downstream.this.metrics.call(Downstream.this.name, CallOutcome.SUCCESS, Duration.ofNanos(elapsed));
			}
		}

		void failed(Throwable failure) {
			if (finish()) {
				long elapsed = elapsed();
				if (CallFailures.isOverload(failure)) {
					this.permit.onDropped();
				}
				else if (CallFailures.isClientError(failure)) {
					this.permit.onSuccess();
				}
				else {
					this.permit.onIgnore();
				}
				if (CallFailures.isClientError(failure)) {
					Downstream.this.circuitBreaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
				}
				else {
					Downstream.this.circuitBreaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
				}
				Downstream.this.metrics.call(Downstream.this.name, CallFailures.outcomeOf(failure),
						Duration.ofNanos(elapsed));
			}
		}

		void cancelled() {
			if (finish()) {
				this.permit.onIgnore();
				Downstream.this.circuitBreaker.releasePermission();
				Downstream.this.metrics.call(Downstream.this.name, CallOutcome.CANCELLED, Duration.ofNanos(elapsed()));
			}
		}

		private boolean finish() {
			return this.finished.compareAndSet(false, true);
		}

		private long elapsed() {
			return System.nanoTime() - this.start;
		}

	}

}
