package dev.bfftemplate.partner.audit;

import java.util.Map;

import dev.bfftemplate.partner.identity.Partner;
import dev.bfftemplate.starter.fanout.CurrentTraceId;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import reactor.core.publisher.Mono;

/**
 * One audit line per call, whatever its outcome: partner, operation (the mapping's
 * pattern, never the raw path), status, latency and trace id. Never a body, a header or a
 * credential. Outermost filter, so that refusals by authentication and quotas are audited
 * too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditLogWebFilter implements WebFilter {

	private static final Log logger = LogFactory.getLog("dev.bfftemplate.partner.audit");

	private static final String UNKNOWN = "-";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			long start = System.nanoTime();
			String traceId = CurrentTraceId.from(context);
			return chain.filter(exchange)
				.doOnSuccess((done) -> log(exchange, start, traceId, exchange.getResponse().getStatusCode()))
				.doOnError((ex) -> log(exchange, start, traceId, HttpStatusCode.valueOf(500)))
				.doOnCancel(() -> log(exchange, start, traceId, null));
		});
	}

	private void log(ServerWebExchange exchange, long start, String traceId, HttpStatusCode status) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		Partner partner = Partner.of(exchange);
		long latencyMillis = (System.nanoTime() - start) / 1_000_000;
		logger.info("partner=%s operation=\"%s %s\" status=%s latencyMs=%d traceId=%s".formatted(
				(partner != null) ? partner.id() : UNKNOWN, exchange.getRequest().getMethod().name(),
				operation(exchange), (status != null) ? status.value() : "cancelled", latencyMillis,
				(traceId != null) ? traceId : UNKNOWN));
	}

	private static String operation(ServerWebExchange exchange) {
		PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern == null) {
			return UNKNOWN;
		}
		Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String version = (variables != null) ? variables.get("version") : null;
		return (version != null) ? pattern.getPatternString().replace("{version}", version)
				: pattern.getPatternString();
	}

}
