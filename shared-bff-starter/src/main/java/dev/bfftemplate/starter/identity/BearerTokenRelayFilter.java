package dev.bfftemplate.starter.identity;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Puts the token a {@link DownstreamAuthorization} resolves on each call to one
 * downstream.
 *
 * @author BFF template
 */
public final class BearerTokenRelayFilter implements ExchangeFilterFunction {

	private final String downstream;

	private final DownstreamAuthorization authorization;

	/**
	 * Create a filter for one downstream.
	 * @param downstream the downstream's name
	 * @param authorization resolves the caller's token
	 */
	public BearerTokenRelayFilter(String downstream, DownstreamAuthorization authorization) {
		this.downstream = downstream;
		this.authorization = authorization;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.authorization.accessToken(this.downstream)
			.map((token) -> ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token)).build())
			.defaultIfEmpty(request)
			.flatMap(next::exchange);
	}

}
