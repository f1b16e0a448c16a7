package dev.bfftemplate.demo.auth.token;

import dev.bfftemplate.demo.auth.user.DemoUsersProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Registers the {@link DemoTokenClaimsCustomizer}, which Spring Authorization Server
 * picks up for every JWT it issues.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenAudienceProperties.class)
class TokenClaimsConfiguration {

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> demoTokenClaimsCustomizer(TokenAudienceProperties audiences,
			DemoUsersProperties users) {
		return new DemoTokenClaimsCustomizer(audiences, users);
	}

}
