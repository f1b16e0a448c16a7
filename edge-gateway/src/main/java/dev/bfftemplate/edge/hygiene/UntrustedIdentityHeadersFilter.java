package dev.bfftemplate.edge.hygiene;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
		this.prefixes = List.copyOf(properties.untrustedHeaderPrefixes());
		this.names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		this.names.addAll(properties.untrustedHeaders());
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		// most requests carry no identity header: then there is nothing to copy
		if (input.headerNames().stream().allMatch(this::isTrusted)) {
			return input;
		}
		HttpHeaders filtered = new HttpHeaders();
		input.forEach((name, values) -> {
			if (isTrusted(name)) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	// case-insensitive without lower-casing every header name of every request
	private boolean isTrusted(String name) {
		if (this.names.contains(name)) {
			return false;
		}
		for (String prefix : this.prefixes) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return false;
			}
		}
		return true;
	}

}
