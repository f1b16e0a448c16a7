package dev.bfftemplate.__pkg__.security;

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
 * How access tokens are checked: RS256, signed by a key of the issuer's JWK set (fetched
 * on first use, cached), from the issuer, for this BFF's audience, unexpired. Boot's
 * decoder accepts only {@code typ: JWT}; RFC 9068 access tokens say {@code at+jwt}, so
 * both are accepted, and none (an ID token, also {@code JWT}, is addressed to its client,
 * never to this BFF's audience).
 */
@Configuration(proxyBeanMethods = false)
class AccessTokens {

	@Bean
	ReactiveJwtDecoder accessTokenDecoder(OAuth2ResourceServerProperties properties) {
		OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
		type.setAllowEmpty(true);
		List<String> audiences = jwt.getAudiences();
		JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(audiences::contains));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(jwt.getIssuerUri()), audience, type));
		return decoder;
	}

}
