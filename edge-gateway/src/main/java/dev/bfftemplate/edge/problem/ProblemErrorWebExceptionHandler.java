package dev.bfftemplate.edge.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every error that reaches the edge's own code into
 * {@code application/problem+json}. Upstream faults (timeouts, refused connections, open
 * circuit breakers) become a 503/504 problem with a fixed text: the exception's message
 * names hosts and ports and must not reach the client.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler, which renders plain JSON
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemErrorWebExceptionHandler.class);

	private final ProblemWriter writer;

	ProblemErrorWebExceptionHandler(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = toProblem(ex);
		logAnswer(exchange, problem, ex);
		HttpHeaders headers = (ex instanceof ErrorResponse errorResponse) ? errorResponse.getHeaders()
				: HttpHeaders.EMPTY;
		exchange.getResponse().getHeaders().clearContentHeaders();
		return this.writer.write(exchange, problem, headers);
	}

	private static void logAnswer(ServerWebExchange exchange, ProblemDetail problem, Throwable ex) {
		String answer = "Answering " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value()
				+ " with " + problem.getStatus();
		if (problem.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
			logger.error(answer, ex);
		}
		else if (problem.getStatus() >= 500) {
			// an upstream fault: the cause is enough, its stack trace is Reactor noise
			logger.warn(answer + ": " + ex);
		}
	}

	private ProblemDetail toProblem(Throwable ex) {
		ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (annotated != null) {
			HttpStatus status = annotated.code();
			return status.is5xxServerError() ? upstreamProblem(status) : ProblemDetail.forStatus(status);
		}
		if (ex instanceof ErrorResponse errorResponse) {
			HttpStatusCode status = errorResponse.getStatusCode();
			ProblemDetail body = errorResponse.getBody();
			if (status.is5xxServerError() && !hasCode(body)) {
				return upstreamProblem(HttpStatus.valueOf(status.value()));
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, body.getDetail());
			problem.setType(body.getType());
			problem.setTitle(body.getTitle());
			if (body.getProperties() != null) {
				body.getProperties().forEach(problem::setProperty);
			}
			return problem;
		}
		if (ex instanceof CallNotPermittedException || ex instanceof ConnectException) {
			return upstreamProblem(HttpStatus.SERVICE_UNAVAILABLE);
		}
		if (ex instanceof TimeoutException) {
			return upstreamProblem(HttpStatus.GATEWAY_TIMEOUT);
		}
		if (ex instanceof IOException) {
			return upstreamProblem(HttpStatus.BAD_GATEWAY);
		}
		return upstreamProblem(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	// The edge's own 5xx problems (admission refused) carry a fixed code and text; others
	// get the upstream wording.
	private static boolean hasCode(ProblemDetail body) {
		return body.getProperties() != null && body.getProperties().get("code") != null;
	}

	private ProblemDetail upstreamProblem(HttpStatus status) {
		EdgeProblem edgeProblem = EdgeProblem.forStatus(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, edgeProblem.detail());
		problem.setProperty("code", edgeProblem.code());
		return problem;
	}

}
