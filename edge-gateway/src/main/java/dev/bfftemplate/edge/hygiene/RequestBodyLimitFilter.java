package dev.bfftemplate.edge.hygiene;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits the request body size: a declared {@code Content-Length} over the limit is
 * refused with 413 before anything is routed, and a chunked body is cut off with 413 when
 * it streams past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestBodyLimitFilter implements WebFilter {

	private static final String DETAIL = "The request body is larger than the %d bytes allowed.";

	private final long maxBytes;

	RequestBodyLimitFilter(EdgeHttpProperties properties) {
		this.maxBytes = properties.maxRequestBodySize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new LimitedBodyRequest(request)).build());
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, DETAIL.formatted(this.maxBytes));
	}

	private final class LimitedBodyRequest extends ServerHttpRequestDecorator {

		LimitedBodyRequest(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > RequestBodyLimitFilter.this.maxBytes) {
					sink.error(tooLarge());
					return;
				}
				sink.next(buffer);
			});
		}

	}

}
