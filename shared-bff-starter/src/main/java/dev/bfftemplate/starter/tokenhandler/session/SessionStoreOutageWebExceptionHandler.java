package dev.bfftemplate.starter.tokenhandler.session;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.starter.problem.ProblemResponses;
import io.lettuce.core.RedisException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * When the session store cannot be reached (its commands fail at once while it is
 * disconnected, or after {@code spring.data.redis.timeout}), a request that needs its
 * session is answered 503 with {@code Retry-After}: never a hang, never a 500, and never
 * served as if the user were signed out.
 */
class SessionStoreOutageWebExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Log logger = LogFactory.getLog(SessionStoreOutageWebExceptionHandler.class);

	private final ProblemResponses problems;

	private final TokenHandlerProperties.Session properties;

	SessionStoreOutageWebExceptionHandler(ProblemResponses problems, TokenHandlerProperties.Session properties) {
		this.problems = problems;
		this.properties = properties;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		Throwable failure = storeFailure(ex);
		if (failure == null || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		// Expected while the store is down: one line, no stack trace.
		logger.warn("Session store unavailable, answered 503 to " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value() + ": " + failure);
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.RETRY_AFTER, String.valueOf(this.properties.storeOutageRetryAfter().toSeconds()));
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "/problems/sessions-unavailable",
				"Sessions are unavailable right now; try again shortly");
	}

	private static Throwable storeFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof RedisException) {
				return cause;
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		// Before the application's own handlers of errors (-2) and Boot's (-1).
		return -3;
	}

}
