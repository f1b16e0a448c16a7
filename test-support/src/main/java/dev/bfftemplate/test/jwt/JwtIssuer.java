package dev.bfftemplate.test.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

/**
 * A stand-in OpenID provider for resource-server tests: a real RSA key, a JWKS endpoint
 * and a discovery document served by WireMock on a free port, and real signed JWTs.
 * <p>
 * {@link #token()} builds valid access tokens by default; its options make the invalid
 * ones a test needs (expired, wrong issuer or audience, unsigned, HS256 signed with the
 * public key, signed by an unknown key, an ID token instead of an access token).
 */
public final class JwtIssuer implements AutoCloseable {

	/** The path of the JWK set. */
	public static final String JWKS_PATH = "/oauth2/jwks";

	private final WireMockServer server;

	private final RSAKey key;

	private final RSAKey strangerKey;

	private JwtIssuer(WireMockServer server) {
		this.server = server;
		this.key = generateKey();
		this.strangerKey = generateKey();
		String jwks = new JWKSet(this.key.toPublicJWK()).toString();
		server.stubFor(WireMock.get(JWKS_PATH).willReturn(WireMock.okForContentType("application/jwk-set+json", jwks)));
		server.stubFor(WireMock.get("/.well-known/openid-configuration").willReturn(WireMock.okJson(discovery())));
	}

	/**
	 * Starts an issuer on a free loopback port.
	 * @return the running issuer; close it when done
	 */
	public static JwtIssuer start() {
		return new JwtIssuer(WireMockDownstreams.start());
	}

	/**
	 * The issuer identifier, {@code http://127.0.0.1:<port>}.
	 * @return the issuer
	 */
	public String issuer() {
		return this.server.baseUrl();
	}

	/**
	 * The JWK set URI.
	 * @return the URI
	 */
	public String jwkSetUri() {
		return issuer() + JWKS_PATH;
	}

	/**
	 * The public key that verifies this issuer's tokens.
	 * @return the key
	 */
	public RSAKey publicKey() {
		return this.key.toPublicJWK();
	}

	/**
	 * How many times the JWK set was fetched (to prove it is cached).
	 * @return the count
	 */
	public int jwksRequests() {
		return this.server.countRequestsMatching(WireMock.getRequestedFor(WireMock.urlEqualTo(JWKS_PATH)).build())
			.getCount();
	}

	/**
	 * Starts building a token: a valid access token for subject {@code user-1} and
	 * audience {@code bff} until told otherwise.
	 * @return the builder
	 */
	public TokenBuilder token() {
		return new TokenBuilder();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private String discovery() {
		return """
				{"issuer":"%1$s","jwks_uri":"%1$s%2$s","authorization_endpoint":"%1$s/oauth2/authorize",\
				"token_endpoint":"%1$s/oauth2/token","subject_types_supported":["public"],\
				"id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
			.formatted(issuer(), JWKS_PATH);
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Builds one token.
	 */
	public final class TokenBuilder {

		private String subject = "user-1";

		private String issuer = JwtIssuer.this.issuer();

		private List<String> audience = List.of("bff");

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(5);

		private Instant notBefore;

		private JOSEObjectType type = new JOSEObjectType("at+jwt");

		private final Map<String, Object> claims = new LinkedHashMap<>();

		private Signing signing = Signing.ISSUER_KEY;

		private TokenBuilder() {
		}

		public TokenBuilder subject(String subject) {
			this.subject = subject;
			return this;
		}

		public TokenBuilder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public TokenBuilder audience(String... audience) {
			this.audience = List.of(audience);
			return this;
		}

		public TokenBuilder scope(String scope) {
			return claim("scope", scope);
		}

		public TokenBuilder claim(String name, Object value) {
			this.claims.put(name, value);
			return this;
		}

		/**
		 * Makes a token that expired {@code ago}.
		 * @param ago how long ago
		 * @return this builder
		 */
		public TokenBuilder expired(Duration ago) {
			this.issuedAt = Instant.now().minus(ago).minus(this.lifetime);
			return this;
		}

		public TokenBuilder lifetime(Duration lifetime) {
			this.lifetime = lifetime;
			return this;
		}

		public TokenBuilder notBefore(Instant notBefore) {
			this.notBefore = notBefore;
			return this;
		}

		/**
		 * Marks the token as an OIDC ID token ({@code typ: JWT}), which an API must not
		 * accept as an access token.
		 * @return this builder
		 */
		public TokenBuilder asIdToken() {
			this.type = JOSEObjectType.JWT;
			return claim("nonce", UUID.randomUUID().toString());
		}

		public TokenBuilder type(String type) {
			this.type = (type != null) ? new JOSEObjectType(type) : null;
			return this;
		}

		/**
		 * Leaves the token unsigned ({@code alg: none}).
		 * @return this builder
		 */
		public TokenBuilder unsigned() {
			this.signing = Signing.NONE;
			return this;
		}

		/**
		 * Signs with HS256 using the issuer's public key as the secret: the classic
		 * algorithm-confusion attack.
		 * @return this builder
		 */
		public TokenBuilder hmacWithPublicKey() {
			this.signing = Signing.HMAC_PUBLIC_KEY;
			return this;
		}

		/**
		 * Signs with a key the issuer never published.
		 * @return this builder
		 */
		public TokenBuilder signedByStranger() {
			this.signing = Signing.STRANGER_KEY;
			return this;
		}

		/**
		 * Builds and serialises the token.
		 * @return the compact JWT
		 */
		public String build() {
			JWTClaimsSet.Builder claimsSet = new JWTClaimsSet.Builder().subject(this.subject)
				.issuer(this.issuer)
				.audience(this.audience)
				.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.jwtID(UUID.randomUUID().toString());
			if (this.notBefore != null) {
				claimsSet.notBeforeTime(Date.from(this.notBefore));
			}
			this.claims.forEach(claimsSet::claim);
			try {
				return switch (this.signing) {
					case NONE -> new PlainJWT(claimsSet.build()).serialize();
					case HMAC_PUBLIC_KEY -> sign(claimsSet.build(), JWSAlgorithm.HS256, null,
							new MACSigner(padded(JwtIssuer.this.key.toPublicJWK().toRSAPublicKey().getEncoded())));
					case STRANGER_KEY -> sign(claimsSet.build(), JWSAlgorithm.RS256,
							JwtIssuer.this.strangerKey.getKeyID(), new RSASSASigner(JwtIssuer.this.strangerKey));
					case ISSUER_KEY -> sign(claimsSet.build(), JWSAlgorithm.RS256, JwtIssuer.this.key.getKeyID(),
							new RSASSASigner(JwtIssuer.this.key));
				};
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String sign(JWTClaimsSet claimsSet, JWSAlgorithm algorithm, String keyId,
				com.nimbusds.jose.JWSSigner signer) throws JOSEException {
			JWSHeader header = new JWSHeader.Builder(algorithm).keyID(keyId).type(this.type).build();
			SignedJWT jwt = new SignedJWT(header, claimsSet);
			jwt.sign(signer);
			return jwt.serialize();
		}

		private static byte[] padded(byte[] secret) {
			return (secret.length >= 32) ? secret : java.util.Arrays.copyOf(secret, 32);
		}

	}

	private enum Signing {

		ISSUER_KEY, STRANGER_KEY, HMAC_PUBLIC_KEY, NONE

	}

}
