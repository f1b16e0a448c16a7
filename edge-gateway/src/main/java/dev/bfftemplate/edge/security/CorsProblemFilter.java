package dev.bfftemplate.edge.security;

import dev.bfftemplate.edge.problem.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for every route, answered at the edge before Spring Security's chains (so a
 * preflight to {@code /mobile/**} needs no token). What Spring's {@code CorsWebFilter}
 * does, except that a request from an origin that is not allowed gets a 403 problem
 * instead of an empty body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CorsProblemFilter implements WebFilter {

	private final CorsConfigurationSource source;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final ProblemWriter writer;

	CorsProblemFilter(CorsConfigurationSource source, ProblemWriter writer) {
		this.source = source;
		this.writer = writer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CorsConfiguration configuration = this.source.getCorsConfiguration(exchange);
		if (!this.processor.process(configuration, exchange)) {
			return this.writer.write(exchange,
					ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "The request's origin is not allowed."),
					HttpHeaders.EMPTY);
		}
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

}
