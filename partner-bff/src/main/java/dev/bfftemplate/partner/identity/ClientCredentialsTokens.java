package dev.bfftemplate.partner.identity;

import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * How client credentials access tokens are checked: RS256 only, signed by a key of the
 * authorization server's JWK set (fetched on first use, cached), from its issuer, for the
 * partner API's audience, unexpired. Boot's decoder accepts only {@code typ: JWT}; RFC
 * 9068 access tokens say {@code at+jwt}, so both are accepted (an ID token, also
 * {@code JWT}, is addressed to its client, never to the partner API's audience).
 */
@Configuration(proxyBeanMethods = false)
class ClientCredentialsTokens {

	@Bean
	ReactiveJwtDecoder clientCredentialsTokenDecoder(OAuth2ResourceServerProperties properties) {
		OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		List<String> audiences = jwt.getAudiences();
		JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(audiences::contains));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(jwt.getIssuerUri()), audience, type));
		return decoder;
	}

}
