package dev.bfftemplate.test.jwt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtIssuerTests {

	static JwtIssuer issuer;

	@BeforeAll
	static void start() {
		issuer = JwtIssuer.start();
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void tokenVerifiesAgainstThePublishedJwks() throws Exception {
		String token = issuer.token().subject("alice").audience("mobile-bff").build();
		SignedJWT jwt = SignedJWT.parse(token);
		RSAKey published = (RSAKey) fetchJwks().getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(published).isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("mobile-bff");
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
	}

	@Test
	void strangerSignedTokenDoesNotVerify() throws Exception {
		SignedJWT jwt = SignedJWT.parse(issuer.token().signedByStranger().build());
		assertThat(fetchJwks().getKeyByKeyId(jwt.getHeader().getKeyID())).isNull();
		assertThat(jwt.verify(new RSASSAVerifier(issuer.publicKey()))).isFalse();
	}

	@Test
	void invalidVariantsAreWhatTheySay() throws Exception {
		assertThat(JWTParser.parse(issuer.token().unsigned().build()).getHeader().getAlgorithm().getName())
			.isEqualTo("none");
		assertThat(JWTParser.parse(issuer.token().hmacWithPublicKey().build()).getHeader().getAlgorithm().getName())
			.isEqualTo("HS256");
		assertThat(JWTParser.parse(issuer.token().expired(java.time.Duration.ofMinutes(1)).build())
			.getJWTClaimsSet()
			.getExpirationTime()).isInThePast();
	}

	@Test
	void discoveryNamesTheJwks() throws Exception {
		String body = get(issuer.issuer() + "/.well-known/openid-configuration");
		assertThat(body).contains("\"jwks_uri\":\"" + issuer.jwkSetUri() + "\"");
	}

	private static JWKSet fetchJwks() throws Exception {
		return JWKSet.parse(get(issuer.jwkSetUri()));
	}

	private static String get(String uri) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
