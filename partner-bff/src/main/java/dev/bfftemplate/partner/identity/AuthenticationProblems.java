package dev.bfftemplate.partner.identity;

import java.time.Duration;

import dev.bfftemplate.partner.problem.ServiceUnavailable;
import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.partner.quota.QuotaProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers every refused authentication: 401 problem for a missing, unknown or revoked key
 * or token (counting the failure against the client address), 503 when the stores that
 * decide cannot be reached (never a guess in the client's favour). The detail is the same
 * for every 401 so that it tells a prober nothing.
 */
class AuthenticationProblems implements ServerAuthenticationEntryPoint {

	private static final Log logger = LogFactory.getLog(AuthenticationProblems.class);

	private final ProblemResponses problems;

	private final FailedAuthentications failures;

	private final Duration retryAfterWhenUnavailable;

	AuthenticationProblems(ProblemResponses problems, FailedAuthentications failures, QuotaProperties quota) {
		this.problems = problems;
		this.failures = failures;
		this.retryAfterWhenUnavailable = quota.retryAfterWhenUnavailable();
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (logger.isDebugEnabled()) {
			// Messages name the kind of failure, never the credential
			logger.debug("Authentication refused: " + ex.getMessage());
		}
		if (ex instanceof AuthenticationServiceException) {
			return unavailable(exchange);
		}
		Mono<Void> counted = this.failures.isAttempt(exchange) ? this.failures.record(exchange) : Mono.empty();
		return counted
			.then(Mono.defer(() -> this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
					"A valid API key or client credentials bearer token is required",
					(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))))
			.onErrorResume((failure) -> unavailable(exchange));
	}

	private Mono<Void> unavailable(ServerWebExchange exchange) {
		return ServiceUnavailable.write(this.problems, exchange, this.retryAfterWhenUnavailable);
	}

}
