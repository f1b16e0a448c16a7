package dev.bfftemplate.edge.tracing;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Starts or continues the W3C trace context and tags every request with a fresh request
 * id. A valid incoming {@code traceparent} keeps its trace id (the edge becomes the
 * parent span); an invalid one (wrong version or length, upper case, all-zero ids) is
 * ignored and a new trace started. The sampled flag is always the edge's own decision:
 * sampling choices of untrusted callers are not honoured.
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

	private static final Pattern VALID_TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

	private static final String ZERO_TRACE_ID = "0".repeat(32);

	private static final String ZERO_SPAN_ID = "0".repeat(16);

	private final String flags;

	TraceContextFilter(TracingProperties properties) {
		this.flags = properties.sampled() ? "01" : "00";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incomingTraceId = validTraceId(exchange.getRequest().getHeaders().getFirst(TRACEPARENT));
		String traceId = (incomingTraceId != null) ? incomingTraceId : newTraceId();
		String traceparent = "00-" + traceId + "-" + randomHex(8) + "-" + this.flags;
		// an identifier, not a secret: no SecureRandom (and its lock) on the request path
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
		ServerHttpRequest request = exchange.getRequest().mutate().headers((headers) -> {
			headers.set(TRACEPARENT, traceparent);
			headers.set(REQUEST_ID, requestId);
			if (incomingTraceId == null) {
				headers.remove(TRACESTATE);
			}
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

	/**
	 * A new random trace id, for answers written where no exchange exists.
	 * @return 32 lower-case hex digits
	 */
	public static String newTraceId() {
		return randomHex(16);
	}

	private static String validTraceId(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		Matcher matcher = VALID_TRACEPARENT.matcher(traceparent.trim());
		if (!matcher.matches() || ZERO_TRACE_ID.equals(matcher.group(1)) || ZERO_SPAN_ID.equals(matcher.group(2))) {
			return null;
		}
		return matcher.group(1);
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
