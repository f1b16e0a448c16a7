package dev.bfftemplate.partner.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import dev.bfftemplate.partner.problem.ServiceUnavailable;
import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.partner.quota.QuotaProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses, before any credential is looked at, an authentication attempt from a client
 * address that failed too often: 429 with the time left in its window.
 */
class FailedAuthenticationGate implements WebFilter {

	private final FailedAuthentications failures;

	private final ProblemResponses problems;

	private final Duration retryAfterWhenUnavailable;

	FailedAuthenticationGate(FailedAuthentications failures, ProblemResponses problems, QuotaProperties quota) {
		this.failures = failures;
		this.problems = problems;
		this.retryAfterWhenUnavailable = quota.retryAfterWhenUnavailable();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.failures.isAttempt(exchange)) {
			return chain.filter(exchange);
		}
		return this.failures.blockedFor(exchange)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.map((blocked) -> blocked.map((wait) -> refuse(exchange, wait)).orElseGet(() -> chain.filter(exchange)))
			.onErrorResume((ex) -> Mono
				.just(ServiceUnavailable.write(this.problems, exchange, this.retryAfterWhenUnavailable)))
			.flatMap(Function.identity());
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Duration wait) {
		return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
				"Too many failed authentications from this address",
				(headers) -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
	}

}
