package dev.bfftemplate.partner.identity;

import java.net.InetSocketAddress;
import java.time.Duration;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties.FailedAttempts;
import dev.bfftemplate.partner.store.PartnerStore;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Failed authentications per client address, in the {@link PartnerStore} so that every
 * instance counts the same attempts. The window starts at an address's first failure.
 */
class FailedAuthentications {

	private final PartnerStore store;

	private final FailedAttempts settings;

	private final String apiKeyHeader;

	FailedAuthentications(PartnerStore store, PartnerIdentityProperties properties) {
		this.store = store;
		this.settings = properties.failedAttempts();
		this.apiKeyHeader = properties.apiKeyHeader();
	}

	/**
	 * Whether the exchange tries to authenticate (an API key or a bearer token): only
	 * such requests count, and only they are refused past the limit.
	 * @param exchange the exchange
	 * @return whether it presents credentials
	 */
	boolean isAttempt(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		return headers.containsHeader(HttpHeaders.AUTHORIZATION) || headers.containsHeader(this.apiKeyHeader);
	}

	/**
	 * Counts one failure of the exchange's client address.
	 * @param exchange the failed exchange
	 * @return completion
	 */
	Mono<Void> record(ServerWebExchange exchange) {
		return this.store.countFailure(address(exchange), this.settings.window());
	}

	/**
	 * How long the exchange's client address must wait, when it is past the limit.
	 * @param exchange the exchange
	 * @return the wait, empty when the address may try
	 */
	Mono<Duration> blockedFor(ServerWebExchange exchange) {
		return this.store.failureWindowLeft(address(exchange), this.settings.limit())
			.map((left) -> left.isNegative() ? this.settings.window() : left);
	}

	private static String address(ServerWebExchange exchange) {
		// The host string: an address taken from X-Forwarded-For is unresolved
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null) ? remote.getHostString() : "unknown";
	}

}
