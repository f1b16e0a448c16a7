package dev.bfftemplate.edge.problem;

import java.util.List;

import dev.bfftemplate.edge.tracing.TraceContextFilter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes an RFC 9457 {@code application/problem+json} answer, carrying the request's
 * trace id, for every error the edge produces itself.
 */
@Component
public class ProblemWriter {

	private final ServerResponse.Context context;

	ProblemWriter(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

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
	 * Write the given problem as the exchange's response.
	 * @param exchange the exchange to answer
	 * @param problem the problem; its status is the response status
	 * @param headers extra response headers (for example {@code Retry-After})
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
		String traceId = exchange.getAttribute(TraceContextFilter.TRACE_ID_ATTRIBUTE);
		if (traceId != null) {
			problem.setProperty("traceId", traceId);
		}
		return ServerResponse.status(problem.getStatus())
			.headers((target) -> target.addAll(headers))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

}
