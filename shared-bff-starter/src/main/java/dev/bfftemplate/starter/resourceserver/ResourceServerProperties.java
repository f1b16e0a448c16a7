package dev.bfftemplate.starter.resourceserver;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a BFF validates the access tokens it is given, under {@code bff.resource-server}.
 * Nothing is switched on until {@code issuer} is set. The signature algorithm is not a
 * setting: RS256 only, so that no token can choose a weaker one (HS256 keyed with the
 * public key, {@code none}).
 *
 * @param issuer The expected {@code iss} of every token
 * @param jwkSetUri Where the issuer's public keys are; nothing else is ever fetched (a
 * token's {@code jku} or {@code x5u} is never followed)
 * @param audiences Values of which a token's {@code aud} must contain at least one (this
 * BFF's name: a token meant for another application is refused)
 * @param tokenTypes Accepted values of the {@code typ} header; a token without
 * {@code typ} is accepted too
 * @param clockSkew Tolerance on {@code exp} and {@code nbf}
 * @param jwks How the JWK set is fetched
 * @param relayToken Whether every downstream call carries the caller's validated access
 * token (unless the application defines its own {@code DownstreamAuthorization})
 * @author BFF template
 */
@ConfigurationProperties("bff.resource-server")
@Validated
public record ResourceServerProperties(@NotBlank String issuer, @NotBlank String jwkSetUri,
		@NotEmpty List<String> audiences, @DefaultValue( {
				"at+jwt", "application/at+jwt", "JWT" }) @NotEmpty List<String> tokenTypes,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue @Valid Jwks jwks,
		@DefaultValue("true") boolean relayToken){

	/**
	 * How the issuer's JWK set is fetched: once, then again only for a token whose key id
	 * is not in it (key rotation), at most once per {@code refreshInterval}.
	 *
	 * @param refreshInterval The least time between two fetches of the JWK set
	 * @param connectTimeout How long connecting to the JWK set URI may take
	 * @param responseTimeout How long it may take to answer
	 */
	public record Jwks(@DefaultValue("5m") Duration refreshInterval, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("3s") Duration responseTimeout) {

	}

}
