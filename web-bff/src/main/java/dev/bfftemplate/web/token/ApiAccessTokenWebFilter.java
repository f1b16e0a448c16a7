package dev.bfftemplate.web.token;

import dev.bfftemplate.web.problem.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Makes sure an {@code /api/**} call has a usable access token before its handler runs
 * (refreshing it if it is about to expire), so a failed refresh answers 401 instead of
 * degrading every downstream call of a screen into a warning. Runs after Spring Security,
 * which has already refused anonymous calls.
 * <p>
 * A refreshed token is stored in the session here, before the handler runs: if the
 * session store cannot take it, the call fails with a 503 before any downstream command
 * was sent, so a retry cannot repeat one. An unchanged session is not written.
 */
@Component
class ApiAccessTokenWebFilter implements WebFilter {

	private final ServerWebExchangeMatcher apiCalls = new PathPatternParserServerWebExchangeMatcher("/api/**");

	private final SessionAccessTokens tokens;

	private final ProblemResponses problems;

	ApiAccessTokenWebFilter(SessionAccessTokens tokens, ProblemResponses problems) {
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
