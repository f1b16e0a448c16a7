package dev.bfftemplate.web.problem;

import dev.bfftemplate.starter.fanout.CurrentTraceId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring's problem details (what {@code spring.webflux.problemdetails.enabled} turns on,
 * and which this replaces) with the request's {@code traceId} in every problem, so a
 * client can quote it. An unknown path answers a plain 404: Spring's detail ("No static
 * resource ...") names how the application is built.
 */
@ControllerAdvice
class TracedProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		Object answer = (ex instanceof NoResourceFoundException)
				? ProblemDetail.forStatusAndDetail(status, "There is nothing at this address") : body;
		return Mono.deferContextual(
				(context) -> super.handleExceptionInternal(ex, answer, headers, status, exchange).map((entity) -> {
					String traceId = CurrentTraceId.from(context);
					if (entity.getBody() instanceof ProblemDetail problem && traceId != null) {
						problem.setProperty("traceId", traceId);
					}
					return entity;
				}));
	}

}
