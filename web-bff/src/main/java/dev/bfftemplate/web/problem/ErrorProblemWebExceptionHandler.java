package dev.bfftemplate.web.problem;

import dev.bfftemplate.starter.problem.ProblemResponses;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Answers, as a problem with the {@code traceId}, an error that no controller advice saw:
 * one raised in a web filter (security, session) rather than in a handler. Runs before
 * Boot's error handler, whose default body is not a problem.
 */
@Component
@Order(-2)
class ErrorProblemWebExceptionHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ErrorProblemWebExceptionHandler.class);

	private final ProblemResponses problems;

	ErrorProblemWebExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof ErrorResponse error && HttpStatus.resolve(error.getStatusCode().value()) != null) {
			HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
			ProblemDetail body = error.getBody();
			String detail = (body.getDetail() != null) ? body.getDetail() : status.getReasonPhrase();
			return this.problems.write(exchange, status, body.getType().toString(), detail);
		}
		logger.error("Unexpected failure of " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value(), ex);
		return this.problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "about:blank",
				"Something went wrong on our side; try again later");
	}

}
