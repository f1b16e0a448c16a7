package dev.bfftemplate.edge.forwarding;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bfftemplate.edge.hygiene.PublicHosts;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the BFFs the original host, scheme, port and client of each request with
 * {@code X-Forwarded-*} and {@code Forwarded}, so the redirects and cookies they build
 * are right. Headers that came in are kept (and appended to) only from a trusted proxy,
 * and the hosts they name only when they are public hosts (see {@link PublicHosts});
 * otherwise they are replaced by what the edge itself saw.
 * <p>
 * Spring Cloud Gateway's own forwarded-header filters are switched off because they send
 * nothing at all for a client that is not a trusted proxy.
 */
@Component
class ForwardedHeadersWriter implements HttpHeadersFilter, Ordered {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	static final String X_FORWARDED_HOST = "X-Forwarded-Host";

	static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

	static final String X_FORWARDED_PORT = "X-Forwarded-Port";

	static final String FORWARDED = "Forwarded";

	private static final int HTTP_PORT = 80;

	private static final int HTTPS_PORT = 443;

	private static final Pattern FORWARDED_HOST = Pattern.compile("(?i)(?:^|[;,])\\s*host=\"?([^\";,]*)");

	private final TrustedProxies trustedProxies;

	private final PublicHosts publicHosts;

	ForwardedHeadersWriter(TrustedProxies trustedProxies, PublicHosts publicHosts) {
		this.trustedProxies = trustedProxies;
		this.publicHosts = publicHosts;
	}

	@Override
	public int getOrder() {
		// after Spring Cloud Gateway's filters that strip forwarded headers
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders incoming = request.getHeaders();
		String peer = ClientAddressResolver.peerAddress(exchange);
		boolean trusted = this.trustedProxies.isTrusted(peer);
		URI uri = request.getURI();
		String proto = uri.getScheme();
		String host = (incoming.getFirst(HttpHeaders.HOST) != null) ? incoming.getFirst(HttpHeaders.HOST)
				: uri.getAuthority();
		String port = String
			.valueOf((uri.getPort() > 0) ? uri.getPort() : ("https".equals(proto) ? HTTPS_PORT : HTTP_PORT));

		HttpHeaders headers = new HttpHeaders();
		headers.addAll(input);
		headers.set(X_FORWARDED_FOR, chain(trusted, incoming.getFirst(X_FORWARDED_FOR), peer));
		headers.set(X_FORWARDED_HOST,
				keepIfTrusted(trusted && allPublic(incoming.getValuesAsList(X_FORWARDED_HOST), proto),
						incoming.getFirst(X_FORWARDED_HOST), host));
		headers.set(X_FORWARDED_PROTO, keepIfTrusted(trusted, incoming.getFirst(X_FORWARDED_PROTO), proto));
		headers.set(X_FORWARDED_PORT, keepIfTrusted(trusted, incoming.getFirst(X_FORWARDED_PORT), port));
		headers.set(FORWARDED, chain(trusted && forwardedHostsPublic(incoming.getFirst(FORWARDED), proto),
				incoming.getFirst(FORWARDED), forwardedElement(peer, proto, host)));
		return headers;
	}

	// even a trusted proxy may pass on a client's Host: the BFFs build links from it
	private boolean allPublic(List<String> hosts, String proto) {
		int defaultPort = "https".equals(proto) ? HTTPS_PORT : HTTP_PORT;
		return hosts.stream().allMatch((value) -> this.publicHosts.contains(value, defaultPort));
	}

	private boolean forwardedHostsPublic(String forwarded, String proto) {
		if (forwarded == null) {
			return true;
		}
		Matcher hosts = FORWARDED_HOST.matcher(forwarded);
		List<String> named = new ArrayList<>();
		while (hosts.find()) {
			named.add(hosts.group(1));
		}
		return allPublic(named, proto);
	}

	private static String chain(boolean trusted, String incoming, String own) {
		return (trusted && incoming != null) ? incoming + ", " + own : own;
	}

	private static String keepIfTrusted(boolean trusted, String incoming, String own) {
		return (trusted && incoming != null) ? incoming : own;
	}

	private static String forwardedElement(String peer, String proto, String host) {
		String node = peer.contains(":") ? "\"[" + peer + "]\"" : peer;
		return "for=" + node + ";proto=" + proto + ";host=\"" + host + "\"";
	}

}
