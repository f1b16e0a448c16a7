package dev.bfftemplate.mobile.orders;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.DemoServices;
import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.testing.StandIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order list with opaque cursors bound to the user, and placing an order with an
 * {@code Idempotency-Key}: a retry never places a second order.
 */
@MobileBffTest
class OrdersTests {

	private static final String LAMP = "{\"productId\":\"p-001\",\"quantity\":2}";

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void stubs() {
		StandIns.services().resetAll();
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/orders/history")).withQueryParam("after", absent())
				.willReturn(okJson("{\"customerId\":\"c-001\",\"orders\":[%s,%s],\"hasMore\":true}"
					.formatted(DemoServices.order("o-9", "c-001"), DemoServices.order("o-8", "c-001")))));
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/orders/history")).withQueryParam("after", equalTo("o-8"))
				.willReturn(okJson("{\"customerId\":\"c-001\",\"orders\":[%s],\"hasMore\":false}"
					.formatted(DemoServices.order("o-7", "c-001")))));
		StandIns.services()
			.stubFor(post(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withHeader("Location", "http://orders.internal/orders/o-77")
				.withBody(DemoServices.order("o-77", "c-001"))));
	}

	@Test
	void pagesFollowTheCursorToTheEnd() {
		orders(AppTokens.alice(), "?limit=2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orders[*].id")
			.isEqualTo(List.of("o-9", "o-8"));
		String next = cursorOf(orders(AppTokens.alice(), "?limit=2"));
		assertThat(next).isNotBlank();
		orders(AppTokens.alice(), "?limit=2&cursor=" + next).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.orders[*].id")
			.isEqualTo(List.of("o-7"))
			.jsonPath("$.nextCursor")
			.doesNotExist();
		StandIns.services()
			.verify(getRequestedFor(urlPathEqualTo("/orders/history")).withQueryParam("customerId", equalTo("c-001"))
				.withQueryParam("after", equalTo("o-8")));
	}

	@Test
	void aTamperedOrForeignCursorIsA400() {
		String cursor = cursorOf(orders(AppTokens.alice(), "?limit=2"));
		String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("o-1".getBytes())
				+ cursor.substring(cursor.indexOf('.'));
		orders(AppTokens.alice(), "?cursor=" + tampered).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-cursor");
		orders(AppTokens.bob(), "?cursor=" + cursor).expectStatus().isBadRequest();
		orders(AppTokens.alice(), "?cursor=garbage").expectStatus().isBadRequest();
	}

	@Test
	void theLimitIsBounded() {
		orders(AppTokens.alice(), "?limit=51").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.maxLimit")
			.isEqualTo(50);
		orders(AppTokens.alice(), "?limit=0").expectStatus().isBadRequest();
	}

	@Test
	void aRetryOfAnOrderGetsTheFirstAnswerWithoutASecondOrder() {
		String key = UUID.randomUUID().toString();
		byte[] first = place(AppTokens.alice(), key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/mobile/v1/orders/o-77")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("o-77")
			.returnResult()
			.getResponseBody();
		byte[] retry = place(AppTokens.alice(), key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(retry).isEqualTo(first);
		StandIns.services().verify(1, postRequestedFor(urlPathEqualTo("/orders")));
	}

	@Test
	void theCustomerOfAnOrderComesFromTheToken() {
		place(AppTokens.alice(), UUID.randomUUID().toString(),
				"{\"productId\":\"p-001\",\"quantity\":2,\"customerId\":\"c-002\"}")
			.expectStatus()
			.isCreated();
		StandIns.services()
			.verify(postRequestedFor(urlPathEqualTo("/orders"))
				.withRequestBody(equalToJson("{\"customerId\":\"c-001\",\"productId\":\"p-001\",\"quantity\":2}")));
	}

	@Test
	void theSameKeyWithAnotherOrderIsA422() {
		String key = UUID.randomUUID().toString();
		place(AppTokens.alice(), key, LAMP).expectStatus().isCreated();
		place(AppTokens.alice(), key, "{\"productId\":\"p-001\",\"quantity\":3}").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-reused");
		StandIns.services().verify(1, postRequestedFor(urlPathEqualTo("/orders")));
	}

	@Test
	void anOrderWithoutKeyIsA400() {
		this.client.post()
			.uri("/mobile/v1/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-missing");
		StandIns.services().verify(0, postRequestedFor(urlPathEqualTo("/orders")));
	}

	@Test
	void anOldAppsRefusedOrderDoesNotSpendItsKey() {
		String key = UUID.randomUUID().toString();
		this.client.post()
			.uri("/mobile/v1/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.header("Idempotency-Key", key)
			.header("X-App-Version", "0.1.0")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.exchange()
			.expectStatus()
			.isEqualTo(426);
		place(AppTokens.alice(), key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed");
	}

	@Test
	void keysAreScopedPerUser() {
		String key = UUID.randomUUID().toString();
		place(AppTokens.alice(), key, LAMP).expectStatus().isCreated();
		place(AppTokens.bob(), key, LAMP).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
		StandIns.services().verify(2, postRequestedFor(urlPathEqualTo("/orders")));
	}

	@Test
	void theServicesValidationProblemReachesTheApp() {
		StandIns.services()
			.stubFor(post(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
						+ "\"detail\":\"Invalid order\",\"errors\":[{\"field\":\"quantity\",\"message\":\"must be at least 1\"}],"
						+ "\"internal\":\"orders-7f9c.cluster.local\"}")));
		place(AppTokens.alice(), UUID.randomUUID().toString(), "{\"productId\":\"p-001\",\"quantity\":0}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("quantity")
			.jsonPath("$.internal")
			.doesNotExist();
	}

	private String cursorOf(WebTestClient.ResponseSpec response) {
		return response.expectBody(OrdersPage.class).returnResult().getResponseBody().nextCursor();
	}

	private WebTestClient.ResponseSpec orders(String token, String query) {
		return this.client.get()
			.uri("/mobile/v1/orders" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	private WebTestClient.ResponseSpec place(String token, String key, String body) {
		return this.client.post()
			.uri("/mobile/v1/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
