package dev.bfftemplate.starter.tokenhandler.logout;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.starter.tokenhandler.origin.PublicOrigin;
import dev.bfftemplate.starter.tokenhandler.session.OidcSessionIndex;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Logout: RP-initiated ({@code POST bff.token-handler.paths.logout}, which revokes the
 * refresh token) and OIDC back-channel ({@code POST paths.back-channel-logout}, which
 * ends every session of a provider session on every instance). Imported by the token
 * handler's auto-configuration, whose conditions apply.
 */
@Configuration(proxyBeanMethods = false)
public final class TokenHandlerLogoutConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RefreshTokenRevocation refreshTokenRevocation(WebClient.Builder webClientBuilder) {
		return new RefreshTokenRevocation(webClientBuilder);
	}

	@Bean
	@ConditionalOnMissingBean
	LogoutController tokenHandlerLogoutController(ServerOAuth2AuthorizedClientRepository clientRepository,
			ReactiveClientRegistrationRepository registrations, RefreshTokenRevocation revocation, PublicOrigin origin,
			TokenHandlerProperties properties) {
		return new LogoutController(clientRepository, registrations, revocation, origin,
				properties.paths().postLogout());
	}

	@Bean
	@ConditionalOnMissingBean
	BackChannelLogoutController tokenHandlerBackChannelLogoutController(
			ReactiveClientRegistrationRepository registrations, TokenHandlerProperties properties,
			OidcSessionIndex sessionIndex, ReactiveSessionRepository<?> sessions) {
		return new BackChannelLogoutController(registrations, properties.tokens(), sessionIndex, sessions);
	}

}
