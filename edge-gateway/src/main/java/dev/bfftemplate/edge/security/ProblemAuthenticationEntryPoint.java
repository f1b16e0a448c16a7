package dev.bfftemplate.edge.security;

import dev.bfftemplate.edge.problem.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a missing or invalid bearer token with 401, a {@code WWW-Authenticate}
 * challenge (RFC 6750) and a problem body that does not say what exactly was wrong.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemWriter writer;

	ProblemAuthenticationEntryPoint(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE,
				(ex instanceof InvalidBearerTokenException) ? "Bearer error=\"invalid_token\"" : "Bearer");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"A valid bearer token is required.");
		return this.writer.write(exchange, problem, headers);
	}

}
