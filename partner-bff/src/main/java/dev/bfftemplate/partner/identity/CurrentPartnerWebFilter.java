package dev.bfftemplate.partner.identity;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Makes the authenticated partner available as {@link Partner#of(ServerWebExchange)}.
 */
class CurrentPartnerWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(PartnerAuthentication.class::isInstance)
			.doOnNext((authentication) -> exchange.getAttributes()
				.put(Partner.ATTRIBUTE, ((PartnerAuthentication) authentication).getPrincipal()))
			.then(chain.filter(exchange));
	}

}
