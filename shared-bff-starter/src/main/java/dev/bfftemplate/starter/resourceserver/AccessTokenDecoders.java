package dev.bfftemplate.starter.resourceserver;

import java.util.List;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The access token decoder of a BFF: a token passes when it is signed with RS256 by a key
 * of the issuer's JWK set (cached, see {@link ResourceServerProperties.Jwks}), its
 * {@code iss} is the issuer, its {@code aud} names one of the audiences, {@code exp} and
 * {@code nbf} hold within the clock skew, its {@code typ}, when present, is an accepted
 * one, and it is not an ID token.
 * <p>
 * A token that fails any check is a {@code BadJwtException} (401); a JWK set that cannot
 * be fetched (unreachable, slow, malformed) is another {@code JwtException}, which Spring
 * Security reports as an {@code AuthenticationServiceException} (an application answers
 * 503: the token may well be valid).
 *
 * @author BFF template
 */
public final class AccessTokenDecoders {

	private AccessTokenDecoders() {
	}

	/**
	 * A decoder with the given settings, fetching keys with its own HTTP client (never
	 * the downstreams' clients, which would relay tokens and follow their policies).
	 * @param properties the settings
	 * @return the decoder
	 */
	public static ReactiveJwtDecoder create(ResourceServerProperties properties) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.jwks().connectTimeout().toMillis())
			.responseTimeout(properties.jwks().responseTimeout())
			// the keys come from the configured URI and nowhere else
			.followRedirect(false);
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource(new CachedJwkSet(webClient, properties.jwkSetUri(), properties.jwks().refreshInterval()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(validator(properties));
		// Nimbus's decoder reports a JWK set it could not get as an
		// IllegalStateException,
		// which Spring Security does not map (a 500): as a JwtException that is no
		// BadJwtException it becomes an AuthenticationServiceException, "cannot check
		// now"
		return (token) -> decoder.decode(token)
			.onErrorMap(IllegalStateException.class,
					(ex) -> new JwtException("The issuer's keys cannot be fetched now", ex));
	}

	private static OAuth2TokenValidator<Jwt> validator(ResourceServerProperties properties) {
		// Boot's own decoder accepts only typ JWT; RFC 9068 access tokens say at+jwt, and
		// providers that set no typ at all are common
		JwtTypeValidator type = new JwtTypeValidator(properties.tokenTypes());
		type.setAllowEmpty(true);
		List<String> audiences = properties.audiences();
		JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.stream().anyMatch(audiences::contains));
		return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(properties.clockSkew()),
				new JwtIssuerValidator(properties.issuer()), audience, type, new NotAnIdTokenValidator()));
	}

}
