package dev.bfftemplate.partner.problem;

import java.time.Duration;

import dev.bfftemplate.starter.problem.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The 503 problem of a request refused because a store that decides whether it may run
 * (revocations, quotas, failed attempts) cannot be reached: the partner API fails closed.
 */
public final class ServiceUnavailable {

	private ServiceUnavailable() {
	}

	/**
	 * Writes the problem, with the starter's problem writer.
	 * @param problems the writer
	 * @param exchange the exchange
	 * @param retryAfter when to retry
	 * @return completion
	 */
	public static Mono<Void> write(ProblemResponses problems, ServerWebExchange exchange, Duration retryAfter) {
		return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The partner API cannot serve requests right now; retry later",
				(headers) -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds())));
	}

}
