package dev.bfftemplate.edge.hygiene;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers 404 for paths that must never be routed from the public port, such as
 * {@code /actuator/**} (which lives on the management port). Path tricks like
 * {@code /mobile/../actuator} or encoded slashes are refused earlier by Spring Security's
 * strict firewall.
 * <p>
 * A gateway {@link GlobalFilter}, not a {@code WebFilter}: web filters of the main
 * context also run in the management server's child context and would hide actuator there
 * too. Global filters only see routed requests.
 */
@Component
class NonPublicPathFilter implements GlobalFilter, Ordered {

	private final List<PathPattern> patterns;

	NonPublicPathFilter(EdgeHttpProperties properties) {
		this.patterns = properties.nonPublicPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public int getOrder() {
		// before rate limiting, breakers and the upstream call
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
				return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
			}
		}
		return chain.filter(exchange);
	}

}
