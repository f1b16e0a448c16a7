package dev.bfftemplate.starter.tokenhandler.logout;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Revokes a refresh token at the provider's RFC 7009 endpoint (its
 * {@code revocation_endpoint} metadata), so a token copied before logout is worthless
 * after it. A provider without the endpoint, or one that fails, does not stop the logout.
 */
class RefreshTokenRevocation {

	private static final Log logger = LogFactory.getLog(RefreshTokenRevocation.class);

	private final WebClient webClient;

	RefreshTokenRevocation(WebClient.Builder webClientBuilder) {
		this.webClient = webClientBuilder.build();
	}

	Mono<Void> revoke(OAuth2AuthorizedClient client) {
		ClientRegistration registration = client.getClientRegistration();
		Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("revocation_endpoint");
		if (client.getRefreshToken() == null || endpoint == null) {
			return Mono.empty();
		}
		return this.webClient.post()
			.uri(endpoint.toString())
			.headers((headers) -> headers.setBasicAuth(registration.getClientId(), registration.getClientSecret()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("token", client.getRefreshToken().getTokenValue())
				.with("token_type_hint", "refresh_token"))
			.retrieve()
			.toBodilessEntity()
			.then()
			.onErrorResume((ex) -> {
				logger.warn("Revoking the refresh token at logout failed: " + ex.getMessage());
				return Mono.empty();
			});
	}

}
