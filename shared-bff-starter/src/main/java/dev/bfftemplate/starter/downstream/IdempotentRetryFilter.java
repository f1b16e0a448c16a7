package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Retries idempotent calls to one downstream after a connection failure or a 502, 503 or
 * 504 answer: with jittered exponential backoff, only while the request's
 * {@link CallDeadline} leaves room for the backoff, and only while the downstream's
 * {@link RetryBudget} allows. A POST is retried only when it carries an
 * {@code Idempotency-Key}.
 *
 * @author BFF template
 */
public final class IdempotentRetryFilter implements ExchangeFilterFunction {

	private static final Set<HttpMethod> IDEMPOTENT_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

	private static final Set<HttpStatus> RETRYABLE_STATUSES = Set.of(HttpStatus.BAD_GATEWAY,
			HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT);

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final DownstreamsProperties.Retry settings;

	private final RetryBudget budget;

	/**
	 * Create the filter of one downstream.
	 * @param downstream the downstream
	 */
	public IdempotentRetryFilter(Downstream downstream) {
		this.settings = downstream.properties().retry();
		this.budget = downstream.retryBudget();
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (this.settings.maxAttempts() < 2 || !isIdempotent(request)) {
			return next.exchange(request);
		}
		this.budget.recordCall();
		return Mono.deferContextual((context) -> attempt(request, next, 1,
				context.getOrEmpty(CallDeadline.class).map(CallDeadline.class::cast).orElse(null)));
	}

	private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, int attempt,
			CallDeadline deadline) {
		return next.exchange(request).flatMap((response) -> {
			if (RETRYABLE_STATUSES.contains(HttpStatus.resolve(response.statusCode().value()))) {
				Duration backoff = backoff(attempt);
				if (mayRetry(attempt, backoff, deadline)) {
					return response.releaseBody().then(retry(request, next, attempt, backoff, deadline));
				}
			}
			return Mono.just(response);
		}).onErrorResume(WebClientRequestException.class, (failure) -> {
			Duration backoff = backoff(attempt);
			return mayRetry(attempt, backoff, deadline) ? retry(request, next, attempt, backoff, deadline)
					: Mono.error(failure);
		});
	}

	private Mono<ClientResponse> retry(ClientRequest request, ExchangeFunction next, int attempt, Duration backoff,
			CallDeadline deadline) {
		return Mono.delay(backoff).then(Mono.defer(() -> attempt(request, next, attempt + 1, deadline)));
	}

	private boolean mayRetry(int attempt, Duration backoff, CallDeadline deadline) {
		return attempt < this.settings.maxAttempts()
				&& (deadline == null || deadline.remaining().compareTo(backoff) > 0) && this.budget.tryRetry();
	}

	private Duration backoff(int attempt) {
		long base = this.settings.backoff().toNanos() << (attempt - 1);
		double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
		return Duration.ofNanos((long) (base * jitter));
	}

	private static boolean isIdempotent(ClientRequest request) {
		return IDEMPOTENT_METHODS.contains(request.method())
				|| (HttpMethod.POST.equals(request.method()) && request.headers().containsHeader(IDEMPOTENCY_KEY));
	}

}
