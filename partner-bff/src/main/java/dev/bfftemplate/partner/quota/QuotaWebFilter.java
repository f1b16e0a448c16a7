package dev.bfftemplate.partner.quota;

import java.time.Duration;

import dev.bfftemplate.partner.identity.Partner;
import dev.bfftemplate.partner.problem.ServiceUnavailable;
import dev.bfftemplate.starter.problem.ProblemResponses;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Applies the partner's quota to each authenticated request: RateLimit fields on every
 * answer, 429 {@code quota-exceeded} past the quota, 503 while Redis cannot be reached
 * (fail closed: unlike the edge, a partner quota is a contract, not a best effort).
 */
public class QuotaWebFilter implements WebFilter, Ordered {

	/**
	 * Right after Spring Security's filter chain (order -100, its
	 * {@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}, not public),
	 * which authenticates the partner, and before the idempotency filter: a replayed
	 * order counts against the quota too.
	 */
	public static final int ORDER = -99;

	private static final Log logger = LogFactory.getLog(QuotaWebFilter.class);

	private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

	private static final String RATE_LIMIT = "RateLimit";

	private final PartnerQuota quota;

	private final ProblemResponses problems;

	private final Duration retryAfterWhenUnavailable;

	QuotaWebFilter(PartnerQuota quota, ProblemResponses problems, QuotaProperties properties) {
		this.quota = quota;
		this.problems = problems;
		this.retryAfterWhenUnavailable = properties.retryAfterWhenUnavailable();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Partner partner = Partner.of(exchange);
		if (partner == null) {
			return chain.filter(exchange);
		}
		return this.quota.consume(partner).map((decision) -> apply(decision, exchange, chain)).onErrorResume((ex) -> {
			logger.warn("Quota store unavailable, refusing partner requests: " + ex.getClass().getSimpleName());
			return Mono.just(ServiceUnavailable.write(this.problems, exchange, this.retryAfterWhenUnavailable));
		}).flatMap((answer) -> answer);
	}

	private Mono<Void> apply(QuotaDecision decision, ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(RATE_LIMIT_POLICY, decision.policy());
		headers.set(RATE_LIMIT, decision.remaining());
		if (decision.allowed()) {
			return chain.filter(exchange);
		}
		return this.problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded",
				"The quota of your plan is used up; retry after the time given", (problemHeaders) -> problemHeaders
					.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds())));
	}

}
