package dev.bfftemplate.edge.forwarding;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the real client address of a request. {@code X-Forwarded-For} is read only when
 * the peer is a trusted proxy, and then right to left up to the first untrusted hop, so a
 * client cannot choose its own address by sending the header.
 */
@Component
public class ClientAddressResolver {

	private static final String UNKNOWN = "unknown";

	private final TrustedProxies trustedProxies;

	ClientAddressResolver(TrustedProxies trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	/**
	 * Resolve the client address of the exchange.
	 * @param exchange the exchange
	 * @return the client address, never {@code null}
	 */
	public String resolve(ServerWebExchange exchange) {
		String peer = peerAddress(exchange);
		if (!this.trustedProxies.isTrusted(peer)) {
			return peer;
		}
		List<String> hops = exchange.getRequest()
			.getHeaders()
			.getValuesAsList(ForwardedHeadersWriter.X_FORWARDED_FOR)
			.stream()
			.map(String::trim)
			.filter(StringUtils::hasText)
			.toList();
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!this.trustedProxies.isTrusted(hops.get(i))) {
				return hops.get(i);
			}
		}
		return hops.isEmpty() ? peer : hops.get(0);
	}

	static String peerAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return UNKNOWN;
		}
		return remote.getAddress().getHostAddress();
	}

}
