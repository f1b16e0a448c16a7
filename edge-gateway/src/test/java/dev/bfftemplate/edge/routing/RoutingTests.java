package dev.bfftemplate.edge.routing;

import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bfftemplate.edge.EdgeTestEnvironment.MOBILE;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;

@EdgeGatewayTest
class RoutingTests {

	@Autowired
	WebTestClient client;

	@BeforeEach
	void stubBffs() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("web")));
		MOBILE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("mobile")));
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("partner")));
	}

	@Test
	void mobilePathsGoToMobileBff() {
		String token = EdgeTestEnvironment.ISSUER.token().audience("mobile-bff").build();
		this.client.get()
			.uri("/mobile/v1/home?cursor=abc")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("mobile");
		MOBILE.verify(getRequestedFor(urlEqualTo("/mobile/v1/home?cursor=abc")));
	}

	@Test
	void partnerPathsGoToPartnerBff() {
		this.client.get()
			.uri("/partner/v1/products")
			.header("X-API-Key", "routing-test")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("partner");
	}

	@Test
	void everythingElseGoesToWebBff() {
		for (String path : new String[] { "/", "/api/dashboard", "/login", "/logout", "/index.html" }) {
			this.client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("web");
		}
		MOBILE.verify(0, getRequestedFor(anyUrl()));
		PARTNER.verify(0, getRequestedFor(anyUrl()));
	}

	@Test
	void originalHostSchemeAndClientAreForwarded() {
		this.client.get()
			.uri("/api/dashboard")
			.header(HttpHeaders.HOST, "shop.example:8080")
			.exchange()
			.expectStatus()
			.isOk();
		WEB.verify(getRequestedFor(urlEqualTo("/api/dashboard"))
			.withHeader("X-Forwarded-Host", equalTo("shop.example:8080"))
			.withHeader("X-Forwarded-Proto", equalTo("http"))
			.withHeader("X-Forwarded-Port", equalTo("8080"))
			.withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
			.withHeader("Forwarded", equalTo("for=127.0.0.1;proto=http;host=\"shop.example:8080\"")));
	}

	@Test
	void forwardedHeadersFromATrustedProxyAreKeptAndAppendedTo() {
		this.client.get()
			.uri("/api/dashboard")
			.header("X-Forwarded-For", "203.0.113.9")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "shop.example")
			.exchange()
			.expectStatus()
			.isOk();
		WEB.verify(getRequestedFor(urlEqualTo("/api/dashboard"))
			.withHeader("X-Forwarded-For", equalTo("203.0.113.9, 127.0.0.1"))
			.withHeader("X-Forwarded-Proto", equalTo("https"))
			.withHeader("X-Forwarded-Host", equalTo("shop.example")));
	}

}
