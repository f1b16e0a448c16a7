package dev.bfftemplate.edge.security;

import java.time.Duration;
import java.util.List;

import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.ISSUER;
import static dev.bfftemplate.edge.EdgeTestEnvironment.MOBILE;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

@EdgeGatewayTest
class EdgeSecurityTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meterRegistry;

	@BeforeEach
	void stubBffs() {
		EdgeTestEnvironment.reset();
		MOBILE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("mobile")));
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Access-Control-Allow-Origin", "*")
			.withHeader("Access-Control-Allow-Credentials", "true")
			.withBody("web")));
	}

	@Test
	void mobileWithValidAccessTokenIsRouted() {
		callMobile(ISSUER.token().audience("mobile-bff").build()).expectStatus().isOk();
	}

	@Test
	void mobileWithAnAccessTokenWithoutTypeHeaderIsRouted() {
		// as Spring Authorization Server issues them; a typ that is present is still
		// checked
		callMobile(ISSUER.token().audience("mobile-bff").type(null).build()).expectStatus().isOk();
	}

	@Test
	void mobileWithoutTokenIs401BeforeAnyBffCall() {
		this.client.get()
			.uri("/mobile/v1/home")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
		MOBILE.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void mobileWithBadTokensIs401BeforeAnyBffCall() {
		List<String> badTokens = List.of(ISSUER.token().audience("mobile-bff").expired(Duration.ofMinutes(5)).build(),
				ISSUER.token().audience("web-bff").build(), ISSUER.token().build(),
				ISSUER.token().audience("mobile-bff").issuer("https://evil.example").build(),
				ISSUER.token().audience("mobile-bff").signedByStranger().build(),
				ISSUER.token().audience("mobile-bff").unsigned().build(),
				ISSUER.token().audience("mobile-bff").hmacWithPublicKey().build(),
				ISSUER.token().audience("mobile-bff").type("id+jwt").build(), "not-a-jwt");
		for (String token : badTokens) {
			callMobile(token).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		}
		MOBILE.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void corsPreflightFromAConfiguredOriginIsAnsweredAtTheEdge() {
		this.client.options()
			.uri("/mobile/v1/home")
			.header(HttpHeaders.ORIGIN, "https://app.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example");
		MOBILE.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void corsFromAnOtherOriginIsRefused() {
		this.client.options()
			.uri("/api/dashboard")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.get()
			.uri("/api/dashboard")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus()
			.isForbidden();
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void exactlyOneAllowOriginEvenWhenTheBffSetsOneToo() {
		this.client.get()
			.uri("/api/dashboard")
			.header(HttpHeaders.ORIGIN, "https://app.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.values(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
					(values) -> assertThat(values).containsExactly("https://app.example"))
			.expectHeader()
			.values(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS,
					(values) -> assertThat(values).containsExactly("true"));
	}

	@Test
	void securityHeadersAreSetOnRoutedResponses() {
		this.client.get()
			.uri("/api/dashboard")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			// HSTS is only sent over TLS (see TlsTests)
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void securityFiltersAreNotObservedOneByOne() {
		long before = serverRequestsObserved();
		this.client.get().uri("/api/dashboard").exchange().expectStatus().isOk();
		callMobile(ISSUER.token().audience("mobile-bff").build()).expectStatus().isOk();
		// the request observation stops last, after the security filters' ones would have
		Awaitility.await().until(() -> serverRequestsObserved() >= before + 2);
		assertThat(this.meterRegistry.find("spring.security.filterchains").meters()).isEmpty();
		assertThat(this.meterRegistry.find("spring.security.authorizations").meters()).isEmpty();
	}

	private long serverRequestsObserved() {
		return this.meterRegistry.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum();
	}

	private WebTestClient.ResponseSpec callMobile(String token) {
		return this.client.get().uri("/mobile/v1/home").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
