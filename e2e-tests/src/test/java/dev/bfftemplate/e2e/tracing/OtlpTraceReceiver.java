package dev.bfftemplate.e2e.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in OpenTelemetry collector: accepts OTLP/HTTP trace exports (protobuf, what
 * Boot's {@code OtlpHttpSpanExporter} sends) on {@code /v1/traces} on loopback and keeps
 * the spans. Only the fields the tests read are decoded, with a minimal protobuf wire
 * reader, so the tests need no OpenTelemetry protobuf classes.
 */
final class OtlpTraceReceiver implements AutoCloseable {

	static final String PATH = "/v1/traces";

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private OtlpTraceReceiver(HttpServer server) {
		this.server = server;
	}

	static OtlpTraceReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			OtlpTraceReceiver receiver = new OtlpTraceReceiver(server);
			server.createContext(PATH, receiver::export);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The endpoint to configure as
	 * {@code management.opentelemetry.tracing.export.otlp.endpoint}.
	 * @return the URL of {@code /v1/traces}
	 */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	List<ReceivedSpan> spans(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			byte[] request = body.readAllBytes();
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			if (type == null || !type.startsWith("application/x-protobuf")) {
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			this.spans.addAll(decode(request));
			// an empty ExportTraceServiceResponse: everything accepted
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, -1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * Decodes an {@code ExportTraceServiceRequest}: resource_spans (1) → resource (1) →
	 * attributes (1) for {@code service.name}, and scope_spans (2) → spans (2) → trace_id
	 * (1), span_id (2), parent_span_id (4), name (5).
	 */
	static List<ReceivedSpan> decode(byte[] request) {
		List<ReceivedSpan> spans = new ArrayList<>();
		Wire export = new Wire(request);
		while (export.next()) {
			if (export.field() != 1) {
				export.skip();
				continue;
			}
			Wire resourceSpans = export.message();
			String service = null;
			List<Wire> scopeSpans = new ArrayList<>();
			while (resourceSpans.next()) {
				switch (resourceSpans.field()) {
					case 1 -> service = serviceName(resourceSpans.message());
					case 2 -> scopeSpans.add(resourceSpans.message());
					default -> resourceSpans.skip();
				}
			}
			for (Wire scope : scopeSpans) {
				while (scope.next()) {
					if (scope.field() == 2) {
						spans.add(span(service, scope.message()));
					}
					else {
						scope.skip();
					}
				}
			}
		}
		return spans;
	}

	private static String serviceName(Wire resource) {
		String name = null;
		while (resource.next()) {
			if (resource.field() != 1) {
				resource.skip();
				continue;
			}
			Wire keyValue = resource.message();
			String key = null;
			String value = null;
			while (keyValue.next()) {
				switch (keyValue.field()) {
					case 1 -> key = keyValue.string();
					case 2 -> value = stringValue(keyValue.message());
					default -> keyValue.skip();
				}
			}
			if ("service.name".equals(key)) {
				name = value;
			}
		}
		return name;
	}

	private static String stringValue(Wire anyValue) {
		String value = null;
		while (anyValue.next()) {
			if (anyValue.field() == 1) {
				value = anyValue.string();
			}
			else {
				anyValue.skip();
			}
		}
		return value;
	}

	private static ReceivedSpan span(String service, Wire span) {
		String traceId = null;
		String spanId = null;
		String parentSpanId = null;
		String name = null;
		while (span.next()) {
			switch (span.field()) {
				case 1 -> traceId = span.hex();
				case 2 -> spanId = span.hex();
				case 4 -> parentSpanId = span.hex();
				case 5 -> name = span.string();
				default -> span.skip();
			}
		}
		return new ReceivedSpan(service, traceId, spanId,
				(parentSpanId == null || parentSpanId.isEmpty()) ? null : parentSpanId, name);
	}

	/**
	 * One exported span.
	 *
	 * @param service the {@code service.name} of its resource
	 * @param traceId 32 hex digits
	 * @param spanId 16 hex digits
	 * @param parentSpanId 16 hex digits, {@code null} for a root span
	 * @param name the span's name
	 */
	record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name) {

	}

	/**
	 * Protobuf's wire format, as far as these messages need it.
	 */
	private static final class Wire {

		private final ByteBuffer in;

		private int tag;

		Wire(byte[] bytes) {
			this.in = ByteBuffer.wrap(bytes);
		}

		boolean next() {
			if (!this.in.hasRemaining()) {
				return false;
			}
			this.tag = (int) varint();
			return true;
		}

		int field() {
			return this.tag >>> 3;
		}

		Wire message() {
			return new Wire(bytes());
		}

		String string() {
			return new String(bytes(), StandardCharsets.UTF_8);
		}

		String hex() {
			return HexFormat.of().formatHex(bytes());
		}

		void skip() {
			switch (this.tag & 7) {
				case 0 -> varint();
				case 1 -> this.in.position(this.in.position() + 8);
				case 2 -> bytes();
				case 5 -> this.in.position(this.in.position() + 4);
				default -> throw new IllegalStateException("Unsupported wire type in tag " + this.tag);
			}
		}

		private byte[] bytes() {
			int length = (int) varint();
			if (length > this.in.remaining()) {
				throw new IllegalStateException("Truncated message");
			}
			byte[] bytes = new byte[length];
			this.in.get(bytes);
			return bytes;
		}

		private long varint() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				if (!this.in.hasRemaining()) {
					throw new IllegalStateException("Truncated varint");
				}
				int b = this.in.get() & 0xff;
				value |= (long) (b & 0x7f) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalStateException("Malformed varint");
		}

	}

}
