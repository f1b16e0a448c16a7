package dev.bfftemplate.edge.hygiene;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes client-supplied identity headers ({@code X-User-*}, {@code X-Authenticated-*},
 * {@code X-Tenant-*}, {@code X-Forwarded-User}, ...) from every routed request: only the
 * edge or a BFF may assert who the caller is.
 */
@Component
class UntrustedIdentityHeadersFilter implements HttpHeadersFilter {

	private final List<String> prefixes;

	private final Set<String> names;

	UntrustedIdentityHeadersFilter(EdgeHttpProperties properties) {
		this.prefixes = properties.untrustedHeaderPrefixes()
			.stream()
			.map(UntrustedIdentityHeadersFilter::lower)
			.toList();
		this.names = properties.untrustedHeaders()
			.stream()
			.map(UntrustedIdentityHeadersFilter::lower)
			.collect(Collectors.toSet());
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		// most requests carry no identity header: then there is nothing to copy
		if (input.headerNames().stream().allMatch((name) -> isTrusted(lower(name)))) {
			return input;
		}
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			if (isTrusted(lower(name))) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	private boolean isTrusted(String name) {
		return !this.names.contains(name) && this.prefixes.stream().noneMatch(name::startsWith);
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
