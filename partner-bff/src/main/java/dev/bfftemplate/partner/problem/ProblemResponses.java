package dev.bfftemplate.partner.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.bfftemplate.starter.fanout.CurrentTraceId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problems from filters that answer before any controller
 * (authentication, quotas), in the same shape as the controllers' problems.
 */
@Component
public class ProblemResponses {

	private final JsonMapper jsonMapper;

	ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes the 503 problem of a request refused because a store that decides whether it
	 * may run (revocations, quotas, failed attempts) cannot be reached: the partner API
	 * fails closed.
	 * @param exchange the exchange
	 * @param retryAfter when to retry
	 * @return completion
	 */
	public Mono<Void> unavailable(ServerWebExchange exchange, Duration retryAfter) {
		return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The partner API cannot serve requests right now; retry later",
				(headers) -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds())));
	}

	/**
	 * Writes a problem as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the problem type, a relative URI naming the kind of problem
	 * @param detail a sentence for the client
	 * @param headers sets further response headers
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
			Consumer<HttpHeaders> headers) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.accept(response.getHeaders());
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
