package dev.bfftemplate.starter.problem;

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
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problems from places that run before any controller (security filters,
 * quotas, the token handler), so every refusal, even one that never reaches Spring
 * WebFlux's error handling, is {@code application/problem+json} with the request's
 * {@code traceId}, in the shape of the controllers' problems: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, then any further
 * members. Nothing of the application's internals goes in: callers give a type and a
 * sentence for the client.
 */
public class ProblemResponses {

	private final JsonMapper jsonMapper;

	/**
	 * Creates a writer.
	 * @param jsonMapper the mapper of the problems' JSON
	 */
	public ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes a problem as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the problem type, a URI (relative, such as
	 * {@code /problems/quota-exceeded}) naming the kind of problem
	 * @param detail a sentence for the client
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		return write(exchange, status, type, detail, (headers) -> {
		}, Map.of());
	}

	/**
	 * Writes a problem with further response headers as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the problem type
	 * @param detail a sentence for the client
	 * @param headers sets further response headers (such as {@code Retry-After})
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
			Consumer<HttpHeaders> headers) {
		return write(exchange, status, type, detail, headers, Map.of());
	}

	/**
	 * Writes a problem with further response headers and members as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the problem type
	 * @param detail a sentence for the client
	 * @param headers further response headers (such as {@code WWW-Authenticate})
	 * @param properties further members of the problem, after the standard ones
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
			HttpHeaders headers, Map<String, ?> properties) {
		return write(exchange, status, type, detail, (target) -> target.addAll(headers), properties);
	}

	/**
	 * The {@code Retry-After} header of a refusal that a client may try again.
	 * @param retryAfter when to try again (whole seconds, at least one)
	 * @return what sets the header
	 */
	public static Consumer<HttpHeaders> retryAfter(Duration retryAfter) {
		return (headers) -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	/**
	 * Writes a problem with further response headers and members as the whole response.
	 * @param exchange the exchange
	 * @param status the status
	 * @param type the problem type
	 * @param detail a sentence for the client
	 * @param headers sets further response headers (such as {@code Retry-After})
	 * @param properties further members of the problem, after the standard ones
	 * @return completion
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
			Consumer<HttpHeaders> headers, Map<String, ?> properties) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		problem.putAll(properties);
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
