package dev.bfftemplate.starter.tokenhandler;

import dev.bfftemplate.starter.autoconfigure.ProblemResponsesAutoConfiguration;
import dev.bfftemplate.starter.tokenhandler.login.TokenHandlerLoginConfiguration;
import dev.bfftemplate.starter.tokenhandler.logout.TokenHandlerLogoutConfiguration;
import dev.bfftemplate.starter.tokenhandler.origin.PublicOrigin;
import dev.bfftemplate.starter.tokenhandler.security.TokenHandlerSecurityConfiguration;
import dev.bfftemplate.starter.tokenhandler.session.TokenHandlerSessionConfiguration;
import dev.bfftemplate.starter.tokenhandler.token.TokenHandlerTokenConfiguration;
import dev.bfftemplate.starter.tokenhandler.user.TokenHandlerUserConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the browser token handler (the BFF pattern for a single-page
 * app): OIDC login with authorization code + PKCE whose tokens stay in the server-side
 * session (Spring Session, in Redis encrypted), a hardened session cookie, the CSRF
 * header, token refresh once per session across instances, token relay to the starter's
 * downstream clients, RP-initiated and back-channel logout, {@code /bff/user}.
 * <p>
 * On when Spring Security's OAuth2 client, WebFlux security and Spring Session are on the
 * class path (all optional dependencies of the starter: an application that wants the
 * token handler declares them) and a client registration exists; off with
 * {@code bff.token-handler.enabled=false}. Every bean yields to an application's own.
 *
 * @author BFF template
 */
@AutoConfiguration(after = ProblemResponsesAutoConfiguration.class,
		afterName = "org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration",
		beforeName = {
				"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
				"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(
		name = { "org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository",
				"org.springframework.security.config.web.server.ServerHttpSecurity",
				"org.springframework.session.ReactiveSessionRepository" })
@ConditionalOnBooleanProperty(name = "bff.token-handler.enabled", matchIfMissing = true)
@ConditionalOnBean(
		type = "org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository")
@EnableConfigurationProperties(TokenHandlerProperties.class)
@Import({ TokenHandlerSessionConfiguration.class, TokenHandlerTokenConfiguration.class,
		TokenHandlerLoginConfiguration.class, TokenHandlerLogoutConfiguration.class,
		TokenHandlerUserConfiguration.class, TokenHandlerSecurityConfiguration.class })
public final class TokenHandlerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PublicOrigin publicOrigin(TokenHandlerProperties properties) {
		return new PublicOrigin(properties.publicBaseUrl());
	}

}
