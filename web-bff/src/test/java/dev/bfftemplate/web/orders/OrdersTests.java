package dev.bfftemplate.web.orders;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

@WebBffTest
class OrdersTests {

	private final WireMockServer downstreams = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void orderIsPlacedForTheSessionsCustomerWhateverTheBodySays() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(post("/orders").withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId)))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
					{"id":"o-42","customerId":"%s","productId":"p-001","productName":"Kettle","quantity":2,
					"unitPrice":"19.99","total":"39.98","currency":"EUR","status":"placed",
					"createdAt":"2026-01-02T03:04:05Z"}""".formatted(customerId))));
		browser.fromApp(HttpMethod.POST, "/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"productId\":\"p-001\",\"quantity\":2,\"customerId\":\"c-someone-else\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/orders/o-42")
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo("39.98");
		this.downstreams.verify(postRequestedFor(urlPathEqualTo("/orders"))
			.withRequestBody(
					equalToJson("{\"customerId\":\"%s\",\"productId\":\"p-001\",\"quantity\":2}".formatted(customerId)))
			.withHeader("Authorization", equalTo("Bearer " + browser.tokens().accessToken())));
	}

	@Test
	void theServicesValidationProblemReachesTheAppAsItsOwn4xx() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(post("/orders").withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId)))
			.willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json").withBody("""
					{"type":"about:blank","title":"Invalid order","status":422,"detail":"The order is invalid",
					"instance":"/orders","internalHost":"orders-7.cluster.local",
					"errors":[{"field":"quantity","message":"must be between 1 and 10"}]}""")));
		browser.fromApp(HttpMethod.POST, "/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"productId\":\"p-001\",\"quantity\":99}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid order")
			.jsonPath("$.errors[0].field")
			.isEqualTo("quantity")
			.jsonPath("$.internalHost")
			.doesNotExist()
			.jsonPath("$.instance")
			.isEqualTo("/api/orders");
	}

	@Test
	void aFailingOrdersServiceIsA502Problem() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(post("/orders").withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId)))
			.willReturn(aResponse().withStatus(500).withBody("db down at orders-db.internal")));
		browser.fromApp(HttpMethod.POST, "/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"productId\":\"p-001\",\"quantity\":1}")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The order could not be placed; try again later");
	}

}
