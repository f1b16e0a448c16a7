package dev.bfftemplate.demo.services.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bfftemplate.demo.services.DemoService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Injects each service's faults (see {@link FaultSettings}) into the requests under its
 * base path. Runs before anything else so that a fault looks like the service itself
 * misbehaving.
 */
class FaultInjectionWebFilter implements WebFilter, Ordered {

	private final FaultRegistry registry;

	private final AtomicInteger hangingRequests = new AtomicInteger();

	FaultInjectionWebFilter(FaultRegistry registry, MeterRegistry meterRegistry) {
		this.registry = registry;
		Gauge.builder("demo.faults.hanging.requests", this.hangingRequests, AtomicInteger::get)
			.description("Requests held open by an injected hang")
			.register(meterRegistry);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		FaultSettings faults = DemoService.forPath(exchange.getRequest().getPath().pathWithinApplication().value())
			.map(this.registry::settingsFor)
			.orElse(FaultSettings.NONE);
		if (!faults.isActive()) {
			return chain.filter(exchange);
		}
		return delay(faults).then(Mono.defer(() -> inject(faults, exchange, chain)));
	}

	private Mono<Void> delay(FaultSettings faults) {
		long jitterNanos = faults.jitter().toNanos();
		Duration delay = faults.latency()
			.plusNanos((jitterNanos > 0) ? ThreadLocalRandom.current().nextLong(jitterNanos + 1) : 0);
		return delay.isZero() ? Mono.empty() : Mono.delay(delay).then();
	}

	private Mono<Void> inject(FaultSettings faults, ServerWebExchange exchange, WebFilterChain chain) {
		if (happens(faults.resetRate())) {
			return resetConnection(exchange);
		}
		if (happens(faults.hangRate())) {
			return hang();
		}
		if (happens(faults.errorRate())) {
			return error(exchange.getResponse(), HttpStatusCode.valueOf(faults.errorStatus()));
		}
		if (happens(faults.malformedRate())) {
			return chain.filter(exchange.mutate().response(new TruncatingResponse(exchange.getResponse())).build());
		}
		return chain.filter(exchange);
	}

	private static boolean happens(double rate) {
		return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
	}

	/**
	 * Closes the connection with SO_LINGER 0, which makes the kernel send a TCP RST
	 * instead of an orderly FIN: the client sees "connection reset by peer".
	 */
	private Mono<Void> resetConnection(ServerWebExchange exchange) {
		Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		if (!(request instanceof Connection connection)) {
			return Mono.error(new IllegalStateException("Connection reset needs Reactor Netty"));
		}
		Channel channel = connection.channel();
		channel.config().setOption(ChannelOption.SO_LINGER, 0);
		return Mono.create((sink) -> channel.close().addListener((future) -> sink.success()));
	}

	/**
	 * Never completes; when the client gives up, the server cancels the subscription and
	 * the count drops again, so a hang holds nothing once the client is gone.
	 */
	private Mono<Void> hang() {
		return Mono.<Void>never()
			.doOnSubscribe((subscription) -> this.hangingRequests.incrementAndGet())
			.doFinally((signal) -> this.hangingRequests.decrementAndGet());
	}

	private static Mono<Void> error(ServerHttpResponse response, HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = (known != null) ? known.getReasonPhrase() : "Server Error";
		String body = """
				{"type":"about:blank","title":"%s","status":%d,"detail":"Fault injected by demo-services"}"""
			.formatted(title, status.value());
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

}
