package dev.bfftemplate.starter.resourceserver;

import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.identity.DownstreamAuthorization;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Token relay of a resource server: every downstream call carries the caller's own
 * validated access token. A request authenticated otherwise (an API key, a principal the
 * application made from the token) relays nothing.
 *
 * @author BFF template
 */
public final class JwtTokenRelay implements DownstreamAuthorization {

	@Override
	public Mono<String> accessToken(String downstream) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> ((JwtAuthenticationToken) authentication).getToken().getTokenValue());
	}

}
