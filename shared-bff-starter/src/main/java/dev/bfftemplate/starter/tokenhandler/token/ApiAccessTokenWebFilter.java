package dev.bfftemplate.starter.tokenhandler.token;

import dev.bfftemplate.starter.problem.ProblemResponses;

import org.springframework.http.HttpStatus;
import java.util.List;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Makes sure an API call ({@code bff.token-handler.paths.token-relay}, {@code /api/**})
 * has a usable access token before its handler runs (refreshing it if it is about to
 * expire), so a failed refresh answers 401 instead of degrading every downstream call of
 * a screen into a warning. Runs after Spring Security, which has already refused
 * anonymous calls.
 * <p>
 * A refreshed token is stored in the session here, before the handler runs: if the
 * session store cannot take it, the call fails with a 503 before any downstream command
 * was sent, so a retry cannot repeat one. An unchanged session is not written.
 */
class ApiAccessTokenWebFilter implements WebFilter {

	private final ServerWebExchangeMatcher apiCalls;

	private final SessionAccessTokens tokens;

	private final ProblemResponses problems;

	ApiAccessTokenWebFilter(SessionAccessTokens tokens, ProblemResponses problems, List<String> paths) {
		this.apiCalls = ServerWebExchangeMatchers.pathMatchers(paths.toArray(String[]::new));
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.apiCalls.matches(exchange).flatMap((match) -> {
			if (!match.isMatch()) {
				return chain.filter(exchange);
			}
			return this.tokens.accessToken(exchange)
				.then(exchange.getSession().flatMap(WebSession::save))
				.then(Mono.just(true))
				.onErrorResume(ResponseStatusException.class,
						(ex) -> this.problems
							.write(exchange, HttpStatus.UNAUTHORIZED, "/problems/session-ended", "Sign in again")
							.thenReturn(false))
				.flatMap((ready) -> ready ? chain.filter(exchange) : Mono.empty());
		});
	}

}
