package dev.bfftemplate.demo.services;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders framework exceptions as problem details, like Boot's default handler (which
 * backs off for this one), and adds which request parameter broke which constraint, so
 * that a 400 for {@code ?size=1000} says what to fix.
 */
@RestControllerAdvice
class ParameterValidationProblems extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<ParameterError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new ParameterError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		ex.getBody().setDetail("Invalid request parameters");
		ex.getBody().setProperty("errors", errors);
		return handleExceptionInternal(ex, null, headers, status, exchange);
	}

	/**
	 * One rejected request parameter.
	 *
	 * @param parameter name of the parameter
	 * @param message the constraint it broke
	 */
	record ParameterError(String parameter, String message) {

	}

}
