package dev.bfftemplate.edge.routing;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the request's path and query upstream byte for byte. Spring Cloud Gateway's
 * {@link RouteToRequestUrlFilter} rebuilds the upstream URL with
 * {@code UriComponentsBuilder} and encodes it again whenever it cannot validate the query
 * as already encoded: a {@code =} inside a value ({@code q=a=b%20c}) or a {@code [} makes
 * {@code %20} reach the BFF as {@code %2520} (spring-cloud-gateway#2065, #1855). This
 * filter runs right after it and keeps only its scheme, host and port.
 */
@Component
class RawRequestUrlFilter implements GlobalFilter, Ordered {

	@Override
	public int getOrder() {
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (routed != null) {
			exchange.getAttributes()
				.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, raw(routed, exchange.getRequest().getURI()));
		}
		return chain.filter(exchange);
	}

	// the request URI was parsed from these raw parts, so they parse again unchanged
	private static URI raw(URI routed, URI request) {
		StringBuilder url = new StringBuilder(routed.getScheme()).append("://").append(routed.getRawAuthority());
		if (request.getRawPath() != null) {
			url.append(request.getRawPath());
		}
		if (request.getRawQuery() != null) {
			url.append('?').append(request.getRawQuery());
		}
		return URI.create(url.toString());
	}

}
