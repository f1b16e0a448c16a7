package dev.bfftemplate.starter.tokenhandler.token;

import dev.bfftemplate.starter.identity.DownstreamAuthorization;

import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;

import reactor.core.publisher.Mono;

/**
 * Token relay for the starter's downstream clients: each call carries the access token of
 * the caller's server-side session. The browser's cookie is never forwarded: the
 * downstream clients are built by the starter and copy no incoming header.
 */
class SessionTokenRelay implements DownstreamAuthorization {

	private final SessionAccessTokens tokens;

	SessionTokenRelay(SessionAccessTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Mono<String> accessToken(String downstream) {
		return Mono.deferContextual((context) -> ServerWebExchangeContextFilter.getExchange(context)
			.map(this.tokens::accessToken)
			.orElseGet(Mono::empty));
	}

}
