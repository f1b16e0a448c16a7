package dev.bfftemplate.starter.identity;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

/**
 * The caller is the request's {@link Principal}, as Spring Security or any other
 * authentication sets it on the exchange, which {@link ServerWebExchangeContextFilter}
 * makes available in the Reactor context.
 *
 * @author BFF template
 */
public final class PrincipalCallerIdentity implements CallerIdentity {

	@Override
	public Mono<String> current() {
		return Mono.deferContextual((context) -> Mono.justOrEmpty(ServerWebExchangeContextFilter.getExchange(context)))
			.flatMap((exchange) -> exchange.<Principal>getPrincipal())
			.map(Principal::getName);
	}

}
