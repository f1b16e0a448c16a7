package dev.bfftemplate.edge.hygiene;

import dev.bfftemplate.edge.problem.RawProblem;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

import org.springframework.http.HttpStatus;

/**
 * Answers requests that Netty's HTTP/1.1 codec cannot decode with a problem instead of
 * Reactor Netty's empty answer, and closes the connection: a request line over
 * {@code server.netty.max-initial-line-length} (414), headers over
 * {@code server.max-http-request-header-size} (431), and malformed requests such as
 * {@code Content-Length} with {@code Transfer-Encoding} or CR/LF in a header value, and a
 * {@code Host} that does not read as {@code host[:port]} (400).
 * <p>
 * It sits between the codec and Reactor Netty's {@code HttpTrafficHandler}. When a
 * response to an earlier request of the same connection is still being written
 * (pipelining), the failed request is left to Reactor Netty, which answers it in order,
 * with an empty body. HTTP/2 (over TLS) has no such answers: its codec reports malformed
 * or oversized headers as stream errors.
 */
public final class DecodingFailureProblems extends ChannelDuplexHandler {

	private static final String NAME = "edge.decodingFailureProblems";

	private static final String INSTALLER = "edge.decodingFailureProblemsInstaller";

	private int inFlight;

	private DecodingFailureProblems() {
	}

	/**
	 * Put the handler into a new connection's pipeline: at once for HTTP/1.1, or once TLS
	 * has chosen HTTP/1.1 by ALPN.
	 * @param pipeline the connection's pipeline
	 */
	public static void install(ChannelPipeline pipeline) {
		if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
			pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, new DecodingFailureProblems());
		}
		else if (pipeline.get(NettyPipeline.H2OrHttp11Codec) != null) {
			pipeline.addAfter(NettyPipeline.H2OrHttp11Codec, INSTALLER, new AfterProtocolNegotiation());
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			if (request.decoderResult().isSuccess() && !hostReadable(request)) {
				request.setDecoderResult(DecoderResult.failure(new UnreadableHostException()));
			}
			DecoderResult result = request.decoderResult();
			if (result.isFailure() && this.inFlight == 0) {
				ReferenceCountUtil.release(msg);
				HttpStatus status = status(result.cause());
				answer(ctx, status,
						(result.cause() instanceof UnreadableHostException) ? PublicHosts.NOT_PUBLIC : detail(status));
				return;
			}
			this.inFlight++;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		// an interim (1xx) answer does not end the exchange
		boolean interim = msg instanceof HttpResponse response
				&& response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
		if (msg instanceof LastHttpContent && !interim && this.inFlight > 0) {
			this.inFlight--;
		}
		ctx.write(msg, promise);
	}

	// Reactor Netty fails such a request (a port that is no number) before any route sees
	// it
	private static boolean hostReadable(HttpRequest request) {
		for (String host : request.headers().getAll(HttpHeaderNames.HOST)) {
			if (!host.isBlank() && !PublicHosts.isAuthority(host)) {
				return false;
			}
		}
		return true;
	}

	private static HttpStatus status(Throwable cause) {
		if (cause instanceof TooLongHttpLineException) {
			return HttpStatus.URI_TOO_LONG;
		}
		if (cause instanceof TooLongHttpHeaderException) {
			return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
		}
		return HttpStatus.BAD_REQUEST;
	}

	private static void answer(ChannelHandlerContext ctx, HttpStatus status, String detail) {
		byte[] body = RawProblem.body(status, detail);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, RawProblem.CONTENT_TYPE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case URI_TOO_LONG -> "The request line is too long.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
			default -> "The request is not valid HTTP.";
		};
	}

	/**
	 * A {@code Host} that does not read as {@code host[:port]}.
	 */
	private static final class UnreadableHostException extends IllegalArgumentException {

		UnreadableHostException() {
			super("Unreadable Host");
		}

	}

	/**
	 * Waits for TLS to choose the protocol (ALPN): with HTTP/1.1 the pipeline then has
	 * Reactor Netty's HTTP/1.1 handlers and the problem handler goes in front of them.
	 */
	private static final class AfterProtocolNegotiation extends ChannelInboundHandlerAdapter {

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			super.userEventTriggered(ctx, event);
			if (event instanceof SslHandshakeCompletionEvent) {
				ChannelPipeline pipeline = ctx.pipeline();
				pipeline.remove(this);
				if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
					pipeline.addBefore(NettyPipeline.HttpTrafficHandler, NAME, new DecodingFailureProblems());
				}
			}
		}

	}

}
