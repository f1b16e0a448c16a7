package dev.bfftemplate.partner.problem;

import dev.bfftemplate.starter.fanout.CurrentTraceId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring WebFlux's problems (bad parameters, unreadable bodies, 404, 405, the starter's
 * dependency failures) with the request's {@code traceId}, like every other problem of
 * the partner API. Replaces Boot's problem details handler, which adds none.
 */
@RestControllerAdvice
class TracedProblems extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		return super.handleExceptionInternal(ex, body, headers, status, exchange)
			.flatMap((response) -> Mono.deferContextual((context) -> {
				String traceId = CurrentTraceId.from(context);
				if (traceId != null && response.getBody() instanceof ProblemDetail problem
						&& (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
					problem.setProperty("traceId", traceId);
				}
				return Mono.just(response);
			}));
	}

}
