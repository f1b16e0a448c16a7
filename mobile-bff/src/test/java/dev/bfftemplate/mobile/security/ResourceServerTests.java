package dev.bfftemplate.mobile.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.DemoServices;
import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.testing.StandIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * mobile-bff validates the app's access tokens itself (it does not trust that the edge
 * did), with the shared starter's decoder: every refusal is a 401 problem with
 * {@code WWW-Authenticate} (403 for a missing scope), made without any call to a service.
 * Every check of the decoder itself (algorithms, keys named by the token, key caching,
 * clock skew, token types) is proved next to it, in the starter's
 * {@code AccessTokenValidationTests}; the refusals here show that this application uses
 * it.
 */
@MobileBffTest
class ResourceServerTests {

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

	private WebTestClient.ResponseSpec home(String token) {
		return this.client.get().uri("/mobile/v1/home").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

}
