package dev.bfftemplate.mobile.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.DemoServices;
import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.testing.StandIns;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * mobile-bff validates the app's access tokens itself (it does not trust that the edge
 * did): every refusal is a 401 problem with {@code WWW-Authenticate} (403 for a missing
 * scope), made without any call to a service, and the public keys are fetched once.
 */
@MobileBffTest
class ResourceServerTests {

	private static final WireMockServer ELSEWHERE = WireMockDownstreams.start();

	private static final RSAKey ELSEWHERE_KEY = generate();

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void stubs() {
		StandIns.services().resetAll();
		DemoServices.customer("c-001", "Alice Anders");
		DemoServices.recentOrders("c-001", 1);
		DemoServices.recommendations("c-001");
		DemoServices.customer("c-002", "Bob Berg");
		DemoServices.recentOrders("c-002", 1);
		DemoServices.recommendations("c-002");
		ELSEWHERE.resetAll();
		ELSEWHERE.stubFor(
				WireMock.get(anyUrl()).willReturn(WireMock.okJson(new JWKSet(ELSEWHERE_KEY.toPublicJWK()).toString())));
	}

	@AfterAll
	static void stopElsewhere() {
		ELSEWHERE.stop();
	}

	@Test
	void aValidTokenGetsTheScreenAndIsRelayedToTheServices() {
		String token = AppTokens.alice();
		home(token).expectStatus().isOk().expectBody().jsonPath("$.firstName").isEqualTo("Alice");
		StandIns.services()
			.verify(getRequestedFor(urlPathEqualTo("/customers/c-001")).withHeader(HttpHeaders.AUTHORIZATION,
					equalTo("Bearer " + token)));
	}

	@Test
	void theCustomerComesFromTheTokenNeverFromTheRequest() {
		this.client.get()
			.uri("/mobile/v1/home?customerId=c-002")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.header("X-Customer-Id", "c-002")
			.exchange()
			.expectStatus()
			.isOk();
		StandIns.services().verify(0, getRequestedFor(urlPathEqualTo("/customers/c-002")));
		StandIns.services().verify(getRequestedFor(urlPathEqualTo("/customers/c-001")));
	}

	static List<Arguments> refusedTokens() {
		return List.of(Arguments.of("alg none", AppTokens.of("alice", "c-001").unsigned().build()),
				Arguments.of("HS256 with the public key", AppTokens.of("alice", "c-001").hmacWithPublicKey().build()),
				Arguments.of("another key", AppTokens.of("alice", "c-001").signedByStranger().build()),
				Arguments.of("an ID token", AppTokens.of("alice", "c-001").asIdToken().build()),
				Arguments.of("wrong audience", AppTokens.of("alice", "c-001").audience("web-bff", "bff-api").build()),
				Arguments.of("wrong issuer", AppTokens.of("alice", "c-001").issuer("http://127.0.0.1:1/evil").build()),
				Arguments.of("expired", AppTokens.of("alice", "c-001").expired(Duration.ofMinutes(2)).build()),
				Arguments.of("not yet valid",
						AppTokens.of("alice", "c-001").notBefore(Instant.now().plus(Duration.ofMinutes(5))).build()),
				Arguments.of("wrong type", AppTokens.of("alice", "c-001").type("logout+jwt").build()),
				Arguments.of("garbage", "not-a-jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedTokens")
	void anInvalidTokenIsRefusedWith401WithoutCallingAnyService(String what, String token) {
		home(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.type")
			.isEqualTo("/problems/unauthorized");
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	@Test
	void aRequestWithoutTokenGetsABareChallenge() {
		this.client.get()
			.uri("/mobile/v1/home")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aTokenWithoutTheRequiredScopeIsRefusedWith403() {
		home(AppTokens.of("alice", "c-001").scope("openid email").build()).expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"profile\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403);
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	@Test
	void keysNamedByTheTokenAreNeverFetched() {
		String jku = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ELSEWHERE_KEY.getKeyID())
			.jwkURL(URI.create(ELSEWHERE.baseUrl() + "/jwks.json"))
			.build());
		String x5u = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ELSEWHERE_KEY.getKeyID())
			.x509CertURL(URI.create(ELSEWHERE.baseUrl() + "/cert.pem"))
			.build());
		home(jku).expectStatus().isUnauthorized();
		home(x5u).expectStatus().isUnauthorized();
		ELSEWHERE.verify(0, anyRequestedFor(anyUrl()));
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	@Test
	void theKeysAreFetchedOnceForManyRequestsAndUnknownKeyIds() {
		home(AppTokens.alice()).expectStatus().isOk();
		int fetches = StandIns.issuer().jwksRequests();
		for (int i = 0; i < 20; i++) {
			home(AppTokens.alice()).expectStatus().isOk();
			home(AppTokens.bob()).expectStatus().isOk();
			home(AppTokens.of("alice", "c-001").signedByStranger().build()).expectStatus().isUnauthorized();
		}
		// a token with an unknown key id may fetch again, at most once per refresh
		// interval
		assertThat(StandIns.issuer().jwksRequests() - fetches).isLessThanOrEqualTo(1);
	}

	private WebTestClient.ResponseSpec home(String token) {
		return this.client.get().uri("/mobile/v1/home").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private String sign(JWSHeader header) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice")
			.issuer(StandIns.issuer().issuer())
			.audience(List.of("mobile-app", "mobile-bff"))
			.claim("scope", "openid profile email")
			.claim("customer_id", "c-001")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.build();
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(ELSEWHERE_KEY));
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
