package dev.bfftemplate.mobile.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How mobile-bff validates the app's access tokens, under {@code mobile-bff.security}.
 *
 * @param issuer the expected {@code iss}
 * @param jwkSetUri where the issuer's public keys are; nothing else is ever fetched (no
 * {@code jku} or {@code x5u} following)
 * @param audience the expected member of {@code aud}
 * @param requiredScope the scope every screen needs (403 without it)
 * @param tokenTypes accepted values of the {@code typ} header, when present
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksRefreshInterval the JWK set is fetched once and again, for a token with an
 * unknown key id, at most once per this interval
 * @param jwksConnectTimeout how long connecting to the JWK set URI may take
 * @param jwksResponseTimeout how long it may take to answer
 */
@ConfigurationProperties("mobile-bff.security")
@Validated
public record MobileSecurityProperties(@NotBlank String issuer, @NotBlank String jwkSetUri, @NotBlank String audience,
		@NotBlank String requiredScope, @DefaultValue( {
				"at+jwt", "application/at+jwt", "JWT" }) @NotEmpty List<String> tokenTypes,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue("5m") Duration jwksRefreshInterval,
		@DefaultValue("2s") Duration jwksConnectTimeout, @DefaultValue("3s") Duration jwksResponseTimeout){

}
