package dev.bfftemplate.starter.tokenhandler.logout;

import dev.bfftemplate.starter.tokenhandler.origin.PublicOrigin;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * {@code POST /bff/logout}: revokes the refresh token, ends the session here and tells
 * the web app where to send the browser to end the provider's session too. It is a
 * {@code POST} with the CSRF header, so no cross-site page can log a user out.
 */
@RestController
class LogoutController {

	private final ServerOAuth2AuthorizedClientRepository clientRepository;

	private final ReactiveClientRegistrationRepository registrations;

	private final RefreshTokenRevocation revocation;

	private final PublicOrigin origin;

	private final String postLogout;

	LogoutController(ServerOAuth2AuthorizedClientRepository clientRepository,
			ReactiveClientRegistrationRepository registrations, RefreshTokenRevocation revocation, PublicOrigin origin,
			String postLogout) {
		this.postLogout = postLogout;
		this.clientRepository = clientRepository;
		this.registrations = registrations;
		this.revocation = revocation;
		this.origin = origin;
	}

	@PostMapping("${bff.token-handler.paths.logout:/bff/logout}")
	Mono<LogoutResult> logout(OAuth2AuthenticationToken authentication, ServerWebExchange exchange) {
		String registrationId = authentication.getAuthorizedClientRegistrationId();
		Mono<Void> revoke = this.clientRepository.loadAuthorizedClient(registrationId, authentication, exchange)
			.flatMap(this.revocation::revoke);
		Mono<LogoutResult> result = this.registrations.findByRegistrationId(registrationId)
			.map((registration) -> new LogoutResult(endSessionUrl(registration, authentication)));
		return revoke.then(result)
			.flatMap((logout) -> exchange.getSession().flatMap((session) -> session.invalidate()).thenReturn(logout));
	}

	private String endSessionUrl(ClientRegistration registration, OAuth2AuthenticationToken authentication) {
		Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (endpoint == null) {
			return this.postLogout;
		}
		UriComponentsBuilder url = UriComponentsBuilder.fromUriString(endpoint.toString())
			.queryParam("client_id", registration.getClientId())
			.queryParam("post_logout_redirect_uri", this.origin.urlOf(this.postLogout));
		if (authentication.getPrincipal() instanceof OidcUser user) {
			// The ID token only identifies the session to end; it grants no API access.
			url.queryParam("id_token_hint", user.getIdToken().getTokenValue());
		}
		return url.encode().build().toUriString();
	}

}
