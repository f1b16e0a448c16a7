package dev.bfftemplate.web.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bfftemplate.starter.fanout.CurrentTraceId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problems from places that run before any controller (security filters),
 * so every refusal, even one that never reaches Spring WebFlux's error handling, is
 * {@code application/problem+json}.
 */
@Component
public class ProblemResponses {

	private final JsonMapper jsonMapper;

	ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes a problem as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the problem type, a relative URI naming the kind of problem
	 * @param detail a sentence for the client
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return Mono.deferContextual((context) -> {
			String traceId = CurrentTraceId.from(context);
			if (traceId != null) {
				problem.put("traceId", traceId);
			}
			return Mono.fromCallable(() -> this.jsonMapper.writeValueAsBytes(problem));
		}).flatMap((bytes) -> {
			DataBuffer buffer = response.bufferFactory().wrap(bytes);
			return response.writeWith(Mono.just(buffer));
		});
	}

}
