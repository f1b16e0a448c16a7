package dev.bfftemplate.edge.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.bfftemplate.edge.tracing.TraceContextFilter;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * The problem+json answers the edge writes below Spring WebFlux, where there is no
 * exchange: for requests Netty's HTTP codec cannot decode, and for request lines or hosts
 * refused before a request reaches the application. Same shape as {@link ProblemWriter}'s
 * answers ({@code type}, {@code title}, {@code status}, {@code detail}) with a new
 * {@code traceId}; nothing of the request is echoed.
 */
public final class RawProblem {

	/**
	 * The media type of every problem answer.
	 */
	public static final String CONTENT_TYPE = "application/problem+json";

	private RawProblem() {
	}

	/**
	 * Answer a Reactor Netty request with a problem.
	 * @param response the response to send
	 * @param status the answer's status
	 * @param detail a fixed explanation (never request content)
	 * @return completion of the answer
	 */
	public static Mono<Void> send(HttpServerResponse response, HttpStatus status, String detail) {
		byte[] body = body(status, detail);
		return response.status(status.value())
			.header(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
			.header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
			.sendByteArray(Mono.just(body))
			.then();
	}

	/**
	 * The body of a problem answer.
	 * @param status the answer's status
	 * @param detail a fixed explanation (never request content)
	 * @return the JSON bytes
	 */
	public static byte[] body(HttpStatus status, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("traceId", TraceContextFilter.newTraceId());
		return JsonMapper.shared().writeValueAsBytes(problem);
	}

}
