package dev.bfftemplate.starter.tokenhandler.csrf;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.starter.problem.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a protected request that does not carry the configured custom header (such as
 * {@code X-CSRF: 1}). A page's own script can add it; a cross-site form, link or image
 * cannot, and a cross-site script cannot either without a CORS preflight that this origin
 * never grants. Being a header check, it needs no token and works across instances.
 */
public class CsrfHeaderWebFilter implements WebFilter {

	private final ServerWebExchangeMatcher protectedRequests;

	private final TokenHandlerProperties.Csrf properties;

	private final ProblemResponses problems;

	public CsrfHeaderWebFilter(ServerWebExchangeMatcher protectedRequests, TokenHandlerProperties.Csrf properties,
			ProblemResponses problems) {
		this.protectedRequests = protectedRequests;
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.protectedRequests.matches(exchange).flatMap((match) -> {
			if (!match.isMatch() || hasHeader(exchange)) {
				return chain.filter(exchange);
			}
			return this.problems.write(exchange, HttpStatus.FORBIDDEN, "/problems/csrf-header-missing",
					"This request needs the %s header that the web app sends".formatted(this.properties.headerName()));
		});
	}

	private boolean hasHeader(ServerWebExchange exchange) {
		String value = exchange.getRequest().getHeaders().getFirst(this.properties.headerName());
		return this.properties.headerValue().equals(value);
	}

}
