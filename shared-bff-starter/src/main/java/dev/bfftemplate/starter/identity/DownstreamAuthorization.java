package dev.bfftemplate.starter.identity;

import reactor.core.publisher.Mono;

/**
 * The extension point of token relay: when an application defines a bean of this type,
 * every call to a downstream HTTP service group carries
 * {@code Authorization: Bearer <token>} with the token it resolves. It is called once per
 * call, within the request's Reactor context, so an implementation can read the caller's
 * session, security context or exchange (see
 * {@link org.springframework.web.filter.reactive.ServerWebExchangeContextFilter}).
 * <p>
 * The web BFF resolves the access token of the server-side session (refreshing it when
 * expired), the mobile BFF relays the validated bearer token.
 *
 * @author BFF template
 */
@FunctionalInterface
public interface DownstreamAuthorization {

	/**
	 * The access token to send to a downstream for the current request.
	 * @param downstream the downstream's name, for applications that send tokens to some
	 * downstreams only or with other audiences
	 * @return the token, or empty to send the call without one
	 */
	Mono<String> accessToken(String downstream);

}
