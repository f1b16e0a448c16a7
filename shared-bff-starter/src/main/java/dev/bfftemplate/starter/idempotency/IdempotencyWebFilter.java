package dev.bfftemplate.starter.idempotency;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.fanout.CurrentTraceId;
import dev.bfftemplate.starter.identity.CallerIdentity;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Requires an {@code Idempotency-Key} header on the configured unsafe requests
 * ({@code bff.idempotency.paths} and {@code methods}) and processes each key once per
 * caller, as {@link IdempotentRequests} decides:
 * <ul>
 * <li>no key, or a malformed one: 400 problem ({@code /problems/idempotency-key-missing},
 * {@code -invalid});</li>
 * <li>a new key: the request is processed and a response under 500 is stored for
 * {@code bff.idempotency.ttl}; a 5xx answer, an error or a cancelled request frees the
 * key, so that a retry is processed again;</li>
 * <li>the same key and request (method, path, body) again: the stored status, headers
 * ({@code replayed-headers}) and body, with {@code Idempotent-Replayed: true}, without
 * calling the handler;</li>
 * <li>the same key while its first request is in flight: 409 problem
 * ({@code /problems/idempotency-key-in-flight});</li>
 * <li>the same key with another request: 422 problem
 * ({@code /problems/idempotency-key-reused});</li>
 * <li>the store failing or slow: 503 problem, nothing processed.</li>
 * </ul>
 * The caller scope is the {@link CallerIdentity}; a request without one is refused with
 * 401. It runs after Spring Security's filters, which establish the caller.
 *
 * @author BFF template
 */
public final class IdempotencyWebFilter implements WebFilter, Ordered {

	/** The request header carrying the key. */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The response header marking a replayed response. */
	public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	/**
	 * The order of this filter: after Spring Security's, before the starter's
	 * {@link ServerWebExchangeContextFilter}.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final Log logger = LogFactory.getLog(IdempotencyWebFilter.class);

	private final IdempotentRequests requests;

	private final CallerIdentity callerIdentity;

	private final IdempotencyProperties properties;

	private final List<PathPattern> paths;

	private final List<String> methods;

	private final ServerResponse.Context codecs;

	/**
	 * Create a new instance.
	 * @param requests decides what to do with each keyed request
	 * @param callerIdentity the caller scope of the keys
	 * @param properties the settings
	 * @param codecs the codecs that write problems
	 */
	public IdempotencyWebFilter(IdempotentRequests requests, CallerIdentity callerIdentity,
			IdempotencyProperties properties, ServerCodecConfigurer codecs) {
		this.requests = requests;
		this.callerIdentity = callerIdentity;
		this.properties = properties;
		this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.methods = properties.methods().stream().map((method) -> method.toUpperCase(Locale.ROOT)).toList();
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.codecs = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!requiresKey(request)) {
			return chain.filter(exchange);
		}
		List<String> keys = request.getHeaders().getOrEmpty(IDEMPOTENCY_KEY);
		if (keys.isEmpty()) {
			return problem(exchange, HttpStatus.BAD_REQUEST, "idempotency-key-missing",
					"This request requires an Idempotency-Key header.");
		}
		String key = (keys.size() == 1) ? parseKey(keys.get(0)) : null;
		if (key == null) {
			return problem(exchange, HttpStatus.BAD_REQUEST, "idempotency-key-invalid",
					"The Idempotency-Key header must be one string of 1 to " + this.properties.maxKeyLength()
							+ " visible ASCII characters.");
		}
		return DataBufferUtils.join(request.getBody(), (int) this.properties.maxRequestSize().toBytes())
			.map(IdempotencyWebFilter::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> process(exchange, chain, key, body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> problem(exchange, HttpStatus.CONTENT_TOO_LARGE,
					"request-too-large", "The request body is larger than this operation accepts."));
	}

	private Mono<Void> process(ServerWebExchange exchange, WebFilterChain chain, String key, byte[] body) {
		ServerHttpRequest request = exchange.getRequest();
		String pathAndQuery = request.getURI().getRawPath()
				+ ((request.getURI().getRawQuery() != null) ? "?" + request.getURI().getRawQuery() : "");
		String fingerprint = IdempotentRequests.fingerprint(request.getMethod().name(), pathAndQuery, body);
		Mono<Optional<String>> scope = this.callerIdentity.current()
			.contextWrite((context) -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return scope.flatMap((caller) -> {
			if (caller.isEmpty()) {
				return problem(exchange, HttpStatus.UNAUTHORIZED, "caller-unknown",
						"An Idempotency-Key is accepted only from an authenticated caller.");
			}
			return this.requests.claim(caller.get(), key, fingerprint).map(Optional::of).onErrorResume((ex) -> {
				logger.warn("Idempotency keys cannot be checked: " + ex);
				return Mono.just(Optional.empty());
			}).flatMap((decision) -> answer(exchange, chain, decision.orElse(null), body));
		});
	}

	private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, @Nullable IdempotencyDecision decision,
			byte[] body) {
		if (decision instanceof IdempotencyDecision.Process claim) {
			return processOnce(exchange, chain, claim, body);
		}
		if (decision instanceof IdempotencyDecision.Replay replay) {
			return replay(exchange, replay.response());
		}
		if (decision instanceof IdempotencyDecision.InFlight) {
			return problem(exchange, HttpStatus.CONFLICT, "idempotency-key-in-flight",
					"A request with this Idempotency-Key is being processed; retry it later.");
		}
		if (decision instanceof IdempotencyDecision.Mismatch) {
			return problem(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"This Idempotency-Key was used for another request; use a new key for a new request.");
		}
		return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "idempotency-store-unavailable",
				"The request cannot be processed safely now; retry it with the same Idempotency-Key.");
	}

	private Mono<Void> processOnce(ServerWebExchange exchange, WebFilterChain chain, IdempotencyDecision.Process claim,
			byte[] body) {
		AtomicBoolean settled = new AtomicBoolean();
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
		ServerHttpResponse response = new RecordingResponse(exchange.getResponse(), claim, settled);
		return chain.filter(exchange.mutate().request(request).response(response).build())
			.onErrorResume((ex) -> release(claim, settled).then(Mono.error(ex)))
			.then(Mono.defer(() -> release(claim, settled)))
			.doOnCancel(() -> release(claim, settled).subscribe());
	}

	private Mono<Void> release(IdempotencyDecision.Process claim, AtomicBoolean settled) {
		if (!settled.compareAndSet(false, true)) {
			return Mono.empty();
		}
		return this.requests.release(claim).onErrorResume((ex) -> {
			logger.warn(
					"An idempotency key could not be freed; it expires after bff.idempotency.in-flight-timeout: " + ex);
			return Mono.empty();
		}).then();
	}

	private Mono<Void> replay(ServerWebExchange exchange, StoredResponse stored) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
		stored.headers().forEach(response.getHeaders()::put);
		response.getHeaders().set(IDEMPOTENT_REPLAYED, "true");
		if (stored.body().length == 0) {
			return response.setComplete();
		}
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
	}

	private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		problem.setTitle(status.getReasonPhrase());
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return Mono.deferContextual((context) -> {
			String traceId = CurrentTraceId.from(context);
			if (traceId != null) {
				problem.setProperty("traceId", traceId);
			}
			return ServerResponse.status(status)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyValue(problem)
				.flatMap((answer) -> answer.writeTo(exchange, this.codecs));
		});
	}

	private boolean requiresKey(ServerHttpRequest request) {
		if (this.paths.isEmpty() || !this.methods.contains(request.getMethod().name())) {
			return false;
		}
		for (PathPattern path : this.paths) {
			if (path.matches(request.getPath().pathWithinApplication())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The key of the header: a structured-field string ({@code "..."}, as the draft
	 * defines it) or, leniently, the bare characters.
	 */
	private @Nullable String parseKey(String value) {
		String key = value.strip();
		if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
			key = key.substring(1, key.length() - 1);
		}
		if (key.isEmpty() || key.length() > this.properties.maxKeyLength()) {
			return null;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
				return null;
			}
		}
		return key;
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Stores the response of a processed request before sending it, so a retry arriving
	 * right after the answer finds it.
	 */
	private final class RecordingResponse extends ServerHttpResponseDecorator {

		private final IdempotencyDecision.Process claim;

		private final AtomicBoolean settled;

		RecordingResponse(ServerHttpResponse delegate, IdempotencyDecision.Process claim, AtomicBoolean settled) {
			super(delegate);
			this.claim = claim;
			this.settled = settled;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body).flatMap((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.toByteBuffer(0, ByteBuffer.wrap(bytes), 0, bytes.length);
				return settle(bytes).onErrorResume((ex) -> {
					DataBufferUtils.release(buffer);
					return Mono.error(ex);
				}).then(super.writeWith(Mono.just(buffer)));
			}).switchIfEmpty(Mono.defer(() -> settle(new byte[0]).then(super.writeWith(Flux.empty()))));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			// a streamed answer is not stored
			return release(this.claim, this.settled).then(super.writeAndFlushWith(body));
		}

		@Override
		public Mono<Void> setComplete() {
			return settle(new byte[0]).then(super.setComplete());
		}

		private Mono<Void> settle(byte[] body) {
			HttpStatusCode status = (getStatusCode() != null) ? getStatusCode() : HttpStatus.OK;
			if (status.is5xxServerError()
					|| body.length > IdempotencyWebFilter.this.properties.maxResponseSize().toBytes()) {
				return release(this.claim, this.settled);
			}
			if (!this.settled.compareAndSet(false, true)) {
				return Mono.empty();
			}
			StoredResponse stored = new StoredResponse(status.value(), replayedHeaders(getHeaders()), body);
			return IdempotencyWebFilter.this.requests.complete(this.claim, stored).onErrorResume((ex) -> {
				logger.warn("A response could not be stored for replay; its idempotency key expires after "
						+ "bff.idempotency.in-flight-timeout: " + ex);
				return Mono.empty();
			}).then();
		}

		private Map<String, List<String>> replayedHeaders(HttpHeaders headers) {
			Map<String, List<String>> replayed = new LinkedHashMap<>();
			for (String name : IdempotencyWebFilter.this.properties.replayedHeaders()) {
				List<String> values = headers.get(name);
				if (values != null && !values.isEmpty()) {
					replayed.put(name, List.copyOf(values));
				}
			}
			return replayed;
		}

	}

}
