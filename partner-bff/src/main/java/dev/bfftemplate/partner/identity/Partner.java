package dev.bfftemplate.partner.identity;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The partner a request acts for, established by its API key or client credentials token.
 *
 * @param id the partner id, as the domain services know it
 * @param plan the partner's plan, naming its quotas
 */
public record Partner(String id, String plan) {

	static final String ATTRIBUTE = Partner.class.getName();

	/**
	 * The partner of an authenticated exchange, for filters that run after authentication
	 * and for the audit log, which runs outside the security context.
	 * @param exchange the exchange
	 * @return the partner, or {@code null} before or without authentication
	 */
	public static @Nullable Partner of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
