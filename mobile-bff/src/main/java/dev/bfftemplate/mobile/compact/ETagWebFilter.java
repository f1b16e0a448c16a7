package dev.bfftemplate.mobile.compact;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An {@code ETag} on every successful screen ({@code GET}) response: a hash of the body,
 * weak because the server may gzip it. A request whose {@code If-None-Match} names it
 * gets 304 without a body: the app keeps its copy and the metered link carries a few
 * bytes. Screens are {@code Cache-Control: private, no-cache}: the app may keep them but
 * revalidates each time.
 */
@Component
@EnableConfigurationProperties(CompactProperties.class)
class ETagWebFilter implements WebFilter {

	private final List<PathPattern> paths;

	private final String cacheControl;

	ETagWebFilter(CompactProperties properties) {
		this.paths = properties.etagPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.cacheControl = properties.cacheControl();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!HttpMethod.GET.equals(exchange.getRequest().getMethod()) || !applies(exchange)) {
			return chain.filter(exchange);
		}
		List<String> ifNoneMatch = exchange.getRequest().getHeaders().getIfNoneMatch();
		ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				if (getStatusCode() != null && getStatusCode().value() != HttpStatus.OK.value()) {
					return super.writeWith(body);
				}
				return DataBufferUtils.join(body).flatMap((buffer) -> {
					String etag = etag(buffer);
					getHeaders().setETag(etag);
					// one URL, two representations (JSON, Protocol Buffers): caches key
					// on Accept
					getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
					getHeaders().setCacheControl(ETagWebFilter.this.cacheControl);
					if (matches(ifNoneMatch, etag)) {
						DataBufferUtils.release(buffer);
						setStatusCode(HttpStatus.NOT_MODIFIED);
						getHeaders().remove(HttpHeaders.CONTENT_TYPE);
						getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
						return getDelegate().setComplete();
					}
					return super.writeWith(Mono.just(buffer));
				});
			}

		};
		return chain.filter(exchange.mutate().response(response).build());
	}

	private boolean applies(ServerWebExchange exchange) {
		for (PathPattern path : this.paths) {
			if (path.matches(exchange.getRequest().getPath().pathWithinApplication())) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(List<String> ifNoneMatch, String etag) {
		String opaque = opaque(etag);
		for (String candidate : ifNoneMatch) {
			// weak comparison (RFC 9110 13.1.2)
			if ("*".equals(candidate) || opaque(candidate).equals(opaque)) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String etag) {
		return etag.startsWith("W/") ? etag.substring(2) : etag;
	}

	private static String etag(DataBuffer buffer) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ByteBuffer bytes = ByteBuffer.allocate(buffer.readableByteCount());
			buffer.toByteBuffer(buffer.readPosition(), bytes, 0, bytes.capacity());
			digest.update(bytes);
			// 128 bits of the hash are plenty to tell versions of one resource apart
			byte[] hash = java.util.Arrays.copyOf(digest.digest(), 16);
			return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
