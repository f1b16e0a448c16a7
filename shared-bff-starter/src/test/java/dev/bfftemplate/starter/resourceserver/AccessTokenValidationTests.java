package dev.bfftemplate.starter.resourceserver;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bfftemplate.starter.autoconfigure.ResourceServerAutoConfiguration;
import dev.bfftemplate.test.jwt.JwtIssuer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The security properties of the starter's access token decoder, with its defaults (only
 * issuer, JWK set URI and audience set): RS256 only, issuer, audience, 30 s clock skew,
 * {@code typ} checked only when present, no ID token, keys fetched from the configured
 * URI alone and at most once per refresh interval. Every BFF that takes bearer tokens
 * gets exactly these checks; the applications' own tests prove the HTTP answers (401,
 * 403, 503).
 */
class AccessTokenValidationTests {

	private static final String AUDIENCE = "sample-bff";

	private static final JwtIssuer ISSUER = JwtIssuer.start();

	private static final WireMockServer ELSEWHERE = WireMockDownstreams.start();

	private static final RSAKey ELSEWHERE_KEY = generate();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class));

	@AfterAll
	static void stop() {
		ISSUER.close();
		ELSEWHERE.stop();
	}

	@Test
	void anAccessTokenOfTheIssuerForThisAudienceIsValid() {
		withDecoder(ISSUER, (decoder) -> {
			Jwt jwt = decoder.decode(token().claim("scope", "profile").build()).block(Duration.ofSeconds(10));
			assertThat(jwt.getSubject()).isEqualTo("alice");
			assertThat(jwt.getClaimAsString("scope")).isEqualTo("profile");
		});
	}

	static List<Arguments> acceptedTokens() {
		return List.of(Arguments.of("typ at+jwt (RFC 9068)", (Supplier<String>) () -> token().type("at+jwt").build()),
				Arguments.of("typ application/at+jwt",
						(Supplier<String>) () -> token().type("application/at+jwt").build()),
				Arguments.of("typ JWT", (Supplier<String>) () -> token().type("JWT").build()),
				Arguments.of("no typ", (Supplier<String>) () -> token().type(null).build()),
				Arguments.of("one audience of several",
						(Supplier<String>) () -> token().audience("mobile-app", AUDIENCE).build()),
				Arguments.of("expired 10 s ago, within the 30 s skew",
						(Supplier<String>) () -> token().expired(Duration.ofSeconds(10)).build()),
				Arguments.of("valid from 10 s on, within the 30 s skew",
						(Supplier<String>) () -> token().notBefore(Instant.now().plusSeconds(10)).build()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedTokens")
	void accepted(String what, Supplier<String> token) {
		withDecoder(ISSUER,
				(decoder) -> assertThat(decoder.decode(token.get()).block(Duration.ofSeconds(10))).isNotNull());
	}

	static List<Arguments> refusedTokens() {
		return List
			.of(Arguments.of("alg none", (Supplier<String>) () -> token().unsigned().build()),
					Arguments.of("HS256 with the public key",
							(Supplier<String>) () -> token().hmacWithPublicKey().build()),
					Arguments.of("another key", (Supplier<String>) () -> token().signedByStranger().build()),
					Arguments.of("an ID token (typ JWT, this audience, a nonce)",
							(Supplier<String>) () -> token().asIdToken().build()),
					Arguments.of("an ID token with at_hash",
							(Supplier<String>) () -> token().type("JWT").claim("at_hash", "x").build()),
					Arguments.of("wrong audience", (Supplier<String>) () -> token().audience("web-bff", "bff-api")
						.build()),
					Arguments.of("wrong issuer",
							(Supplier<String>) () -> token().issuer("http://127.0.0.1:1/evil").build()),
					Arguments.of(
							"expired 40 s ago, past the 30 s skew",
							(Supplier<String>) () -> token().expired(Duration.ofSeconds(40)).build()),
					Arguments.of("expired", (Supplier<String>) () -> token().expired(Duration.ofMinutes(2)).build()),
					Arguments.of("not yet valid",
							(Supplier<String>) () -> token().notBefore(Instant.now().plus(Duration.ofMinutes(5)))
								.build()),
					Arguments.of("wrong type", (Supplier<String>) () -> token().type("logout+jwt").build()),
					Arguments.of("garbage", (Supplier<String>) () -> "not-a-jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedTokens")
	void refused(String what, Supplier<String> token) {
		withDecoder(ISSUER, (decoder) -> assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(token.get()).block(Duration.ofSeconds(10))));
	}

	@Test
	void keysNamedByTheTokenAreNeverFetched() {
		String jku = sign(ELSEWHERE_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ELSEWHERE_KEY.getKeyID())
					.jwkURL(URI.create(ELSEWHERE.baseUrl() + "/jwks.json"))
					.build());
		String x5u = sign(ELSEWHERE_KEY,
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ELSEWHERE_KEY.getKeyID())
					.x509CertURL(URI.create(ELSEWHERE.baseUrl() + "/cert.pem"))
					.build());
		ELSEWHERE.stubFor(
				WireMock.get(anyUrl()).willReturn(WireMock.okJson(new JWKSet(ELSEWHERE_KEY.toPublicJWK()).toString())));
		withDecoder(ISSUER, (decoder) -> {
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(jku).block(Duration.ofSeconds(10)));
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> decoder.decode(x5u).block(Duration.ofSeconds(10)));
		});
		ELSEWHERE.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theKeysAreFetchedOnceForManyTokensAndUnknownKeyIds() {
		try (JwtIssuer issuer = JwtIssuer.start()) {
			withDecoder(issuer, (decoder) -> {
				for (int i = 0; i < 20; i++) {
					decoder.decode(token(issuer).build()).block(Duration.ofSeconds(10));
					assertThatExceptionOfType(BadJwtException.class)
						.isThrownBy(() -> decoder.decode(token(issuer).signedByStranger().build())
							.block(Duration.ofSeconds(10)));
				}
			});
			// an unknown key id fetches again only once the refresh interval (5 min) has
			// passed since the last fetch
			assertThat(issuer.jwksRequests()).isOne();
		}
	}

	@Test
	void aRotatedKeyIsFetchedOnceTheRefreshIntervalHasPassed() {
		RSAKey oldKey = generate();
		RSAKey newKey = generate();
		WireMockServer jwks = WireMockDownstreams.start();
		try {
			jwks.stubFor(
					WireMock.get("/jwks").willReturn(WireMock.okJson(new JWKSet(oldKey.toPublicJWK()).toString())));
			String signedByNewKey = sign(newKey,
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(newKey.getKeyID())
						.type(new JOSEObjectType("at+jwt"))
						.build());
			String signedByOldKey = sign(oldKey,
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(oldKey.getKeyID())
						.type(new JOSEObjectType("at+jwt"))
						.build());
			this.runner
				.withPropertyValues("bff.resource-server.issuer=" + ISSUER.issuer(),
						"bff.resource-server.jwk-set-uri=" + jwks.baseUrl() + "/jwks",
						"bff.resource-server.audiences=" + AUDIENCE, "bff.resource-server.jwks.refresh-interval=0s")
				.run((context) -> {
					ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
					assertThat(decoder.decode(signedByOldKey).block(Duration.ofSeconds(10))).isNotNull();
					assertThatExceptionOfType(BadJwtException.class)
						.isThrownBy(() -> decoder.decode(signedByNewKey).block(Duration.ofSeconds(10)));
					// the issuer rotates: both keys published
					jwks.stubFor(WireMock.get("/jwks")
						.willReturn(WireMock
							.okJson(new JWKSet(List.of(oldKey.toPublicJWK(), newKey.toPublicJWK())).toString())));
					assertThat(decoder.decode(signedByNewKey).block(Duration.ofSeconds(10))).isNotNull();
					assertThat(decoder.decode(signedByOldKey).block(Duration.ofSeconds(10))).isNotNull();
				});
		}
		finally {
			jwks.stop();
		}
	}

	@Test
	void anUnreachableJwkSetIsNotAnInvalidToken() {
		// not a BadJwtException: Spring Security reports it as an
		// AuthenticationServiceException, which an application answers with 503, not 401
		this.runner.withPropertyValues("bff.resource-server.issuer=" + ISSUER.issuer(),
				"bff.resource-server.jwk-set-uri=http://127.0.0.1:1/jwks", "bff.resource-server.audiences=" + AUDIENCE)
			.run((context) -> assertThatExceptionOfType(JwtException.class)
				.isThrownBy(() -> context.getBean(ReactiveJwtDecoder.class)
					.decode(token().build())
					.block(Duration.ofSeconds(10)))
				.isNotInstanceOf(BadJwtException.class));
	}

	private void withDecoder(JwtIssuer issuer, Consumer<ReactiveJwtDecoder> test) {
		this.runner.withPropertyValues("bff.resource-server.issuer=" + issuer.issuer(),
				"bff.resource-server.jwk-set-uri=" + issuer.jwkSetUri(), "bff.resource-server.audiences=" + AUDIENCE)
			.run((context) -> test.accept(context.getBean(ReactiveJwtDecoder.class)));
	}

	private static JwtIssuer.TokenBuilder token() {
		return token(ISSUER);
	}

	private static JwtIssuer.TokenBuilder token(JwtIssuer issuer) {
		return issuer.token().subject("alice").audience(AUDIENCE);
	}

	private static String sign(RSAKey key, JWSHeader header) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice")
			.issuer(ISSUER.issuer())
			.audience(AUDIENCE)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.build();
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
