package dev.bfftemplate.mobile.problem;

import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.fanout.CurrentTraceId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring WebFlux's problem rendering (in place of Boot's, which it replaces) plus the
 * request's {@code traceId} on every problem a controller raises.
 */
@RestControllerAdvice
class TraceIdProblemAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		return Mono.deferContextual((context) -> {
			if (body instanceof ProblemDetail problem
					&& (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
				String traceId = CurrentTraceId.from(context);
				if (traceId != null) {
					problem.setProperty("traceId", traceId);
				}
			}
			return super.createResponseEntity(body, headers, status, exchange);
		});
	}

}
