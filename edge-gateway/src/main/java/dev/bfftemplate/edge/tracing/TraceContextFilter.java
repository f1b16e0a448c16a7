package dev.bfftemplate.edge.tracing;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Tags every request with a fresh request id and keeps the request's trace id for the
 * edge's own problems. The trace itself is Micrometer Tracing's: the server observation
 * continues a valid incoming W3C {@code traceparent} (its trace id, with the caller's
 * span as the edge span's parent) or starts a new trace, and {@link EdgeSampler} decides
 * sampling. The incoming {@code traceparent} and {@code tracestate} are removed from the
 * request the BFF gets: the gateway's observed client writes the edge's own context (its
 * client span as parent, its sampling decision), and an invalid context never travels on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceContextFilter implements WebFilter {

	/**
	 * Exchange attribute holding the trace id of the request.
	 */
	public static final String TRACE_ID_ATTRIBUTE = TraceContextFilter.class.getName() + ".traceId";

	static final String TRACEPARENT = "traceparent";

	static final String TRACESTATE = "tracestate";

	static final String REQUEST_ID = "X-Request-Id";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String traceId = currentTraceId(exchange);
		// an identifier, not a secret: no SecureRandom (and its lock) on the request path
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			// already read by the server observation; the gateway client writes the
			// edge's own
			headers.remove(TRACEPARENT);
			headers.remove(TRACESTATE);
			headers.set(REQUEST_ID, requestId);
		}).build();
		exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, traceId);
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			// set, not add: an upstream's own request id must not show up twice
			response.getHeaders().set(REQUEST_ID, requestId);
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(request).build());
	}

	private static String currentTraceId(ServerWebExchange exchange) {
		Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.orElse(null);
		// no span when tracing is switched off (management.tracing.enabled=false)
		return (span != null) ? span.context().traceId() : newTraceId();
	}

	/**
	 * A new random trace id, for answers written where no exchange exists.
	 * @return 32 lower-case hex digits
	 */
	public static String newTraceId() {
		return randomHex(16);
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
