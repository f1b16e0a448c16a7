package dev.bfftemplate.edge.hygiene;

import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses methods the edge does not route ({@code TRACE}, {@code CONNECT}, made-up ones)
 * with 405 and an {@code Allow} header, before any other processing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HttpMethodFilter implements WebFilter {

	private final Set<HttpMethod> allowed;

	HttpMethodFilter(EdgeHttpProperties properties) {
		this.allowed = properties.allowedMethods().stream().map(HttpMethod::valueOf).collect(Collectors.toSet());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (!this.allowed.contains(method)) {
			return Mono.error(new MethodNotAllowedException(method, this.allowed));
		}
		return chain.filter(exchange);
	}

}
