package dev.bfftemplate.starter.autoconfigure;

import com.nimbusds.jwt.SignedJWT;

import dev.bfftemplate.starter.identity.DownstreamAuthorization;
import dev.bfftemplate.starter.resourceserver.AccessTokenDecoders;
import dev.bfftemplate.starter.resourceserver.JwtTokenRelay;
import dev.bfftemplate.starter.resourceserver.ResourceServerProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Auto-configuration of a resource server's access token validation, switched on by
 * {@code bff.resource-server.issuer} when Spring Security's JOSE support is on the class
 * path (an optional dependency of the starter): the {@link ReactiveJwtDecoder} that
 * Spring Security's {@code oauth2ResourceServer().jwt()} uses, and the relay of the
 * validated token to the downstreams. The application keeps its own
 * {@code SecurityWebFilterChain}: which paths need which scope, its problems, other
 * credentials.
 * <p>
 * It runs before Boot's resource server auto-configuration, whose decoder (and whose
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties) then back off.
 *
 * @author BFF template
 */
@AutoConfiguration(before = DownstreamClientsAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass({ ReactiveJwtDecoder.class, NimbusReactiveJwtDecoder.class, SignedJWT.class })
@ConditionalOnProperty(prefix = "bff.resource-server", name = "issuer")
@EnableConfigurationProperties(ResourceServerProperties.class)
public final class ResourceServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	ReactiveJwtDecoder accessTokenDecoder(ResourceServerProperties properties) {
		return AccessTokenDecoders.create(properties);
	}

	/**
	 * The relay needs the resource server's authentication type; an application that
	 * relays something else (a session's token) defines its own
	 * {@link DownstreamAuthorization}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JwtAuthenticationToken.class)
	@ConditionalOnBooleanProperty(name = "bff.resource-server.relay-token", matchIfMissing = true)
	static class TokenRelayConfiguration {

		@Bean
		@ConditionalOnMissingBean(DownstreamAuthorization.class)
		JwtTokenRelay jwtTokenRelay() {
			return new JwtTokenRelay();
		}

	}

}
