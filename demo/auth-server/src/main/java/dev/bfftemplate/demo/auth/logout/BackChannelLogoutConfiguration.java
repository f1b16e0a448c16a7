package dev.bfftemplate.demo.auth.logout;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * OpenID Connect Back-Channel Logout 1.0 as the OP: which clients got an ID token in
 * which session (recorded as Spring Authorization Server saves its authorizations), the
 * servlet container's session events turned into Spring events, and the
 * {@link BackChannelLogout} that sends the logout tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackChannelLogoutProperties.class)
public class BackChannelLogoutConfiguration {

	private final IdTokenSessions sessions = new IdTokenSessions();

	/**
	 * Spring Authorization Server's in-memory store (what it makes when there is no such
	 * bean), recording the ID tokens it holds.
	 * @return the authorization service Spring Authorization Server uses
	 */
	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new RecordingAuthorizationService(new InMemoryOAuth2AuthorizationService(), this.sessions);
	}

	/**
	 * Publishes the container's session creation, id change and destruction (logout
	 * invalidating it, expiry) as Spring Security events. Boot registers it with the
	 * embedded container. Spring Authorization Server's {@code SessionRegistry} also
	 * listens to them, so it forgets ended sessions.
	 * @return the listener
	 */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/**
	 * Signs logout tokens with the key that signs the ID tokens (the same JWK source
	 * Spring Authorization Server signs with) and sends them.
	 * @param jwkSource the signing keys
	 * @param properties the clients and the delivery bounds
	 * @return the back-channel logout
	 */
	@Bean
	BackChannelLogout backChannelLogout(JWKSource<SecurityContext> jwkSource, BackChannelLogoutProperties properties) {
		return new BackChannelLogout(this.sessions, new NimbusJwtEncoder(jwkSource), properties);
	}

	/**
	 * Adds what discovery says of back-channel logout (section 2.1) to Spring
	 * Authorization Server's provider configuration.
	 * @param configuration the discovery document being built
	 */
	public static void advertise(OidcProviderConfiguration.Builder configuration) {
		configuration.claim("backchannel_logout_supported", true).claim("backchannel_logout_session_supported", true);
	}

}
