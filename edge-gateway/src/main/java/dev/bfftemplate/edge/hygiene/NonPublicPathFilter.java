package dev.bfftemplate.edge.hygiene;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers 404 for paths that must never be routed from the public port, such as
 * {@code /actuator/**} (which lives on the management port). Path tricks like
 * {@code /mobile/../actuator} or encoded slashes are refused earlier by Spring Security's
 * strict firewall.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class NonPublicPathFilter implements WebFilter {

	private final List<PathPattern> patterns;

	NonPublicPathFilter(EdgeHttpProperties properties) {
		this.patterns = properties.nonPublicPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
				return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
			}
		}
		return chain.filter(exchange);
	}

}
