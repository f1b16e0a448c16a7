package dev.bfftemplate.edge.hygiene;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, with a 400 problem, every request with a header name that has an underscore
 * ({@code X_User_Id}), like Envoy's {@code headers_with_underscores_action:
 * REJECT_REQUEST}. CGI-style servers and several frameworks read such a header as
 * {@code X-User-Id}, so it would slip past the removal of identity headers. No standard
 * header has an underscore in its name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class HeaderNameUnderscoreFilter implements WebFilter {

	private static final String DETAIL = "Header names with an underscore are not accepted.";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (String name : exchange.getRequest().getHeaders().headerNames()) {
			if (name.indexOf('_') >= 0) {
				return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, DETAIL));
			}
		}
		return chain.filter(exchange);
	}

}
