package dev.bfftemplate.edge.admission;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.bfftemplate.edge.admission.AdmissionRefusedException.Reason;
import dev.bfftemplate.edge.admission.UpstreamAdmission.Permit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code Admission=<upstream>} route filter: forwards a request when its upstream has
 * fewer than its adaptive limit in flight and queues it otherwise (see
 * {@link AdmissionProperties}). Put it after the rate limit, so that refused clients do
 * not queue, and before the circuit breaker, so that the breaker judges the upstream, not
 * the queue. Routes naming the same upstream share one limit and one queue. A permit is
 * held until the upstream's answer has arrived.
 * <p>
 * Meters, tagged {@code upstream}: {@code edge.admission.limit},
 * {@code edge.admission.in-flight}, {@code edge.admission.queued} (gauges) and
 * {@code edge.admission.refused} (counter, tagged {@code reason} {@code queue-full} or
 * {@code queue-wait}).
 */
@Component
class AdmissionGatewayFilterFactory extends AbstractGatewayFilterFactory<AdmissionGatewayFilterFactory.Config> {

	private final AdmissionProperties properties;

	private final MeterRegistry meterRegistry;

	private final Map<String, UpstreamAdmission> upstreams = new ConcurrentHashMap<>();

	AdmissionGatewayFilterFactory(AdmissionProperties properties, MeterRegistry meterRegistry) {
		super(Config.class);
		this.properties = properties;
		this.meterRegistry = meterRegistry;
	}

	@Override
	public String name() {
		return "Admission";
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("upstream", "maxLimit");
	}

	@Override
	public GatewayFilter apply(Config config) {
		if (!this.properties.enabled()) {
			return (exchange, chain) -> chain.filter(exchange);
		}
		String upstream = config.getUpstream();
		AdmissionProperties settings = (config.getMaxLimit() != null)
				? this.properties.withMaxLimit(config.getMaxLimit()) : this.properties;
		UpstreamAdmission admission = this.upstreams.computeIfAbsent(upstream, (name) -> register(name, settings));
		// Meters are looked up once per route, not on every refusal.
		Map<Reason, Counter> refused = new EnumMap<>(Reason.class);
		for (Reason reason : Reason.values()) {
			refused.put(reason,
					this.meterRegistry.counter("edge.admission.refused", "upstream", upstream, "reason", reason.tag()));
		}
		return (exchange, chain) -> Mono
			.usingWhen(admission.admit(), (permit) -> chain.filter(exchange),
					(permit) -> Mono.fromRunnable(permit::answered), (permit, ex) -> Mono.fromRunnable(permit::failed),
					(permit) -> Mono.fromRunnable(permit::abandoned))
			.doOnError(AdmissionRefusedException.class, (ex) -> refused.get(ex.reason()).increment());
	}

	private UpstreamAdmission register(String upstream, AdmissionProperties settings) {
		UpstreamAdmission admission = new UpstreamAdmission(upstream, settings, Schedulers.parallel());
		Gauge.builder("edge.admission.limit", admission, UpstreamAdmission::limit)
			.tag("upstream", upstream)
			.description("Requests allowed in flight to the upstream now")
			.register(this.meterRegistry);
		Gauge.builder("edge.admission.in-flight", admission, UpstreamAdmission::inFlight)
			.tag("upstream", upstream)
			.description("Requests in flight to the upstream")
			.register(this.meterRegistry);
		Gauge.builder("edge.admission.queued", admission, UpstreamAdmission::queued)
			.tag("upstream", upstream)
			.description("Requests waiting at the edge for their turn")
			.register(this.meterRegistry);
		return admission;
	}

	/**
	 * Configuration of one {@code Admission} filter.
	 */
	public static class Config {

		private String upstream;

		private Integer maxLimit;

		public String getUpstream() {
			return this.upstream;
		}

		public void setUpstream(String upstream) {
			this.upstream = upstream;
		}

		/**
		 * The route's own {@code edge.admission.max-limit}, or {@code null} for the
		 * default. The first route naming an upstream sets its limits.
		 * @return the highest limit of this upstream
		 */
		public Integer getMaxLimit() {
			return this.maxLimit;
		}

		public void setMaxLimit(Integer maxLimit) {
			this.maxLimit = maxLimit;
		}

	}

}
