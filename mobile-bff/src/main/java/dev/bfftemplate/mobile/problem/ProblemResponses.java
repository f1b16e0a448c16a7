package dev.bfftemplate.mobile.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.fanout.CurrentTraceId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problems from web filters (security, app version), which run before any
 * controller, so that every refusal is {@code application/problem+json} with the
 * request's {@code traceId}.
 */
@Component
public class ProblemResponses {

	private final ServerResponse.Context codecs;

	ProblemResponses(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.codecs = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	/**
	 * Writes a problem as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param kind the last segment of the problem type
	 * @param detail a sentence for the client
	 * @param headers extra response headers
	 * @param properties extra members of the problem
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String detail,
			HttpHeaders headers, Map<String, Object> properties) {
		ProblemDetail problem = Problems.detail(status, kind, detail);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		properties.forEach(problem::setProperty);
		return Mono.deferContextual((context) -> {
			String traceId = CurrentTraceId.from(context);
			if (traceId != null) {
				problem.setProperty("traceId", traceId);
			}
			return ServerResponse.status(status)
				.headers((target) -> target.addAll(headers))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyValue(problem)
				.flatMap((response) -> response.writeTo(exchange, this.codecs));
		});
	}

}
