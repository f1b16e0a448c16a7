package dev.bfftemplate.edge.security;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the {@code Access-Control-*} headers of upstream responses: CORS is answered at
 * the edge only, so a response never carries two {@code Access-Control-Allow-Origin}
 * values (browsers reject those).
 */
@Component
class DownstreamCorsHeadersFilter implements HttpHeadersFilter {

	private static final String CORS_PREFIX = "access-control-";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!name.toLowerCase(Locale.ROOT).startsWith(CORS_PREFIX)) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

}
