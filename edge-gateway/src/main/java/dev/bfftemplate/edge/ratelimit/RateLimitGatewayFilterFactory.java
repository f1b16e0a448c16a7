package dev.bfftemplate.edge.ratelimit;

import java.util.List;
import java.util.Optional;

import dev.bfftemplate.edge.ratelimit.RateLimitProperties.Policy;
import dev.bfftemplate.edge.ratelimit.RateLimitProperties.StoreFailureMode;
import dev.bfftemplate.edge.ratelimit.WindowCounter.WindowCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The {@code RateLimit=<policy>} route filter: counts each request against its client's
 * bucket (see {@link RateLimitKeyResolver}) and refuses it with a 429 problem when over
 * the policy's limit. When the counter store fails the request is let through (counted,
 * and logged once per outage) or refused with 503, as
 * {@code edge.rate-limit.on-store-failure} says. Decisions are counted in the
 * {@code edge.rate-limit.decisions} metric.
 */
@Component
class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

	private static final String METRIC = "edge.rate-limit.decisions";

	private final RateLimitProperties properties;

	private final WindowCounter counter;

	private final RateLimitKeyResolver keyResolver;

	private final MeterRegistry meterRegistry;

	private final RateLimitStoreOutage outage = new RateLimitStoreOutage();

	RateLimitGatewayFilterFactory(RateLimitProperties properties, WindowCounter counter,
			RateLimitKeyResolver keyResolver, MeterRegistry meterRegistry) {
		super(Config.class);
		this.properties = properties;
		this.counter = counter;
		this.keyResolver = keyResolver;
		this.meterRegistry = meterRegistry;
	}

	@Override
	public String name() {
		return "RateLimit";
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("policy");
	}

	@Override
	public GatewayFilter apply(Config config) {
		String name = config.getPolicy();
		Policy policy = this.properties.policies().get(name);
		if (policy == null) {
			throw new IllegalArgumentException(
					"No rate limit policy '" + name + "': configure edge.rate-limit.policies." + name);
		}
		RateLimitHeaders headers = new RateLimitHeaders(name, policy);
		// Meters are looked up once per route, not on every request.
		Decisions decisions = new Decisions(this.meterRegistry, name);
		return (exchange, chain) -> this.keyResolver.resolve(exchange)
			.flatMap((key) -> this.counter.increment(name + ":" + key, policy.window()))
			.doOnNext((count) -> this.outage.succeeded())
			.map(Optional::of)
			.onErrorResume((ex) -> onStoreFailure(name, decisions, ex))
			.flatMap((count) -> {
				if (count.isEmpty()) {
					return chain.filter(exchange);
				}
				WindowCount window = count.get();
				if (window.count() > policy.limit()) {
					decisions.rejected().increment();
					return Mono.error(new RateLimitExceededException(headers, window.resetsIn()));
				}
				decisions.allowed().increment();
				headers.writeTo(exchange.getResponse().getHeaders(), policy.limit() - window.count(),
						window.resetsIn());
				return chain.filter(exchange);
			});
	}

	private Mono<Optional<WindowCount>> onStoreFailure(String policy, Decisions decisions, Throwable ex) {
		if (this.properties.onStoreFailure() == StoreFailureMode.REJECT) {
			this.outage.failed(policy, "refusing requests with 503", ex);
			decisions.storeFailureRejected().increment();
			return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, null, ex));
		}
		this.outage.failed(policy, "letting requests through unlimited", ex);
		decisions.storeFailureAllowed().increment();
		return Mono.just(Optional.empty());
	}

	/**
	 * The decision counters of one policy.
	 */
	private record Decisions(Counter allowed, Counter rejected, Counter storeFailureAllowed,
			Counter storeFailureRejected) {

		Decisions(MeterRegistry registry, String policy) {
			this(counter(registry, policy, "allowed"), counter(registry, policy, "rejected"),
					counter(registry, policy, "store-failure-allowed"),
					counter(registry, policy, "store-failure-rejected"));
		}

		private static Counter counter(MeterRegistry registry, String policy, String outcome) {
			return registry.counter(METRIC, "policy", policy, "outcome", outcome);
		}

	}

	/**
	 * Configuration of one {@code RateLimit} filter.
	 */
	public static class Config {

		private String policy;

		public String getPolicy() {
			return this.policy;
		}

		public void setPolicy(String policy) {
			this.policy = policy;
		}

	}

}
