package dev.bfftemplate.edge.hygiene;

import java.io.IOException;

import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

@EdgeGatewayTest
class HttpHygieneTests {

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@BeforeEach
	void stubWebBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("web")));
	}

	@Test
	void identityHeadersFromClientsNeverReachTheBff() {
		this.client.get()
			.uri("/api/dashboard")
			.header("X-User-Id", "admin")
			.header("x-authenticated-userid", "admin")
			.header("X-Tenant-Id", "other-tenant")
			.header("X-Forwarded-User", "admin")
			.header("X-Harmless", "kept")
			.exchange()
			.expectStatus()
			.isOk();
		WEB.verify(getRequestedFor(urlEqualTo("/api/dashboard")).withHeader("X-User-Id", absent())
			.withHeader("x-authenticated-userid", absent())
			.withHeader("X-Tenant-Id", absent())
			.withHeader("X-Forwarded-User", absent())
			.withHeader("X-Harmless", equalTo("kept")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "X_User_Id", "x_authenticated_user", "X_Authenticated_Userid", "X_Tenant_Id",
			"X_Forwarded_User", "X-User_Id", "Authorization_Override" })
	void headerNamesWithAnUnderscoreAreRefusedBeforeRouting(String name) {
		this.client.get()
			.uri("/api/dashboard")
			.header(name, "admin")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.traceId")
			.isNotEmpty();
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void hopByHopHeadersAndThoseNamedInConnectionAreNotForwarded() throws IOException {
		String response = RawHttp.send(this.port, """
				GET /api/hop HTTP/1.1\r
				Host: localhost\r
				Connection: keep-alive, X-Private-Hop\r
				X-Private-Hop: secret\r
				Proxy-Authorization: Basic c2VjcmV0\r
				Keep-Alive: timeout=5\r
				\r
				""");
		assertThat(RawHttp.status(response)).isEqualTo(200);
		WEB.verify(getRequestedFor(urlEqualTo("/api/hop")).withHeader("X-Private-Hop", absent())
			.withHeader("Proxy-Authorization", absent())
			.withHeader("Keep-Alive", absent()));
	}

	@Test
	void actuatorIsNotReachableOnThePublicPort() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/mobile/../actuator/health", "/api/%2e%2e/actuator/health", "/api/..%2factuator/health",
			"/actuator%2fhealth", "/api/%252e%252e/actuator", "//actuator/health", "/api;jsessionid=x/dashboard",
			"/mobile/%2e%2e/partner/v1/products" })
	void pathTricksAreRefusedBeforeRouting(String path) throws IOException {
		String response = RawHttp.send(this.port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(RawHttp.status(response)).isIn(400, 404);
		WEB.verify(0, anyRequestedFor(anyUrl()));
		EdgeTestEnvironment.MOBILE.verify(0, anyRequestedFor(anyUrl()));
		EdgeTestEnvironment.PARTNER.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void traceIsRefusedWith405() {
		this.client.method(HttpMethod.valueOf("TRACE"))
			.uri("/api/dashboard")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Allow");
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void unknownMethodsAreRefusedWith405() throws IOException {
		String response = RawHttp.send(this.port, "PROPFIND /api/dashboard HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(405);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void contentLengthTogetherWithTransferEncodingIsRefused() throws IOException {
		String response = RawHttp.send(this.port, """
				POST /api/orders HTTP/1.1\r
				Host: localhost\r
				Content-Length: 4\r
				Transfer-Encoding: chunked\r
				\r
				0\r
				\r
				GET /api/smuggled HTTP/1.1\r
				Host: localhost\r
				\r
				""");
		assertThat(RawHttp.status(response)).isEqualTo(400);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void crOrLfInAHeaderValueIsRefused() throws IOException {
		String response = RawHttp.send(this.port,
				"GET /api/dashboard HTTP/1.1\r\nHost: localhost\r\nX-Note: a\rInjected: yes\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(400);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void tooLargeBodyIsRefusedWith413Problem() {
		this.client.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(2048))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void bodyWithinTheLimitIsForwarded() {
		this.client.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(512))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void tooLargeHeadersAreRefusedWith431() throws IOException {
		String response = RawHttp.send(this.port,
				"GET /api/dashboard HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(431);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void tooLongUriIsRefusedWith414() throws IOException {
		String response = RawHttp.send(this.port,
				"GET /api/dashboard?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(414);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

}
