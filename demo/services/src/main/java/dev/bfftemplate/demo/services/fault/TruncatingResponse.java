package dev.bfftemplate.demo.services.fault;

import java.util.Arrays;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * A response that sends only the first half of the body it is given, so that a client
 * receives a 200 whose JSON is cut off mid-way.
 */
class TruncatingResponse extends ServerHttpResponseDecorator {

	TruncatingResponse(ServerHttpResponse delegate) {
		super(delegate);
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return DataBufferUtils.join(body).flatMap((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
			getHeaders().setContentLength(half.length);
			return super.writeWith(Mono.just(bufferFactory().wrap(half)));
		});
	}

}
