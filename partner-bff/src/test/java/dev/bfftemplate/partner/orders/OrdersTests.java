package dev.bfftemplate.partner.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestPartners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PartnerBffTest
class OrdersTests {

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void partnerListsItsOwnOrdersInThePartnerShape() {
		services.stubFor(get("/orders/partners/acme?page=1&size=1").willReturn(okJson("""
				{"items":[%s],"page":1,"size":1,"totalElements":4,"totalPages":4}""".formatted(order("o-5101")))));
		this.client.get()
			.uri("/partner/v1/orders?page=1&size=1")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("RateLimit")
			.expectBody()
			.json("""
					{"items":[{"id":"o-5101","productId":"p-001","productName":"Trail shoe","quantity":2,
					 "unitPrice":{"amount":"10.00","currency":"EUR"},"total":{"amount":"20.00","currency":"EUR"},
					 "status":"placed","createdAt":"2026-01-01T10:00:00Z"}],
					 "page":1,"size":1,"totalElements":4,"totalPages":4}""", JsonCompareMode.STRICT);
	}

	@Test
	void anotherPartnersOrderIsAnsweredExactlyLikeAMissingOne() {
		// What the orders service answers for both: it knows whose order is whose.
		String notFound = """
				{"title":"Order not found","status":404,"detail":"No order with id 'x'","instance":"/orders/x"}""";
		services.stubFor(get("/orders/partners/acme/o-5201").willReturn(
				aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json").withBody(notFound)));
		services.stubFor(get("/orders/partners/acme/o-5299").willReturn(
				aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json").withBody(notFound)));
		services.stubFor(get("/orders/partners/globex/o-5201").willReturn(okJson(order("o-5201"))));
		String othersOrder = notFoundBody("o-5201");
		String missingOrder = notFoundBody("o-5299");
		assertThat(withoutTrace(othersOrder).replace("o-5201", "ID"))
			.isEqualTo(withoutTrace(missingOrder).replace("o-5299", "ID"));
		assertThat(othersOrder).doesNotContain("Order not found").doesNotContain("No order with id");
		this.client.get()
			.uri("/partner/v1/orders/o-5201")
			.header("X-API-Key", TestPartners.GLOBEX_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("o-5201");
	}

	@Test
	@SuppressWarnings("unchecked")
	void privilegedAndUnknownFieldsAreRefusedAndNeverSent() {
		int ordersPlaced = services.findAll(postRequestedFor(urlPathMatching("/orders/partners/.*"))).size();
		this.client.post()
			.uri("/partner/v1/orders")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", "p-001", "quantity", 1, "partnerId", "globex", "customerId", "c-001",
					"status", "delivered", "role", "admin"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("partnerId", "customerId",
					"status", "role"));
		assertThat(services.findAll(postRequestedFor(urlPathMatching("/orders/partners/.*")))).hasSize(ordersPlaced);
	}

	@Test
	void orderIsPlacedOnceAndItsRetryReplayed() {
		services.stubFor(post("/orders/partners/replay").willReturn(created("o-5301")));
		String key = UUID.randomUUID().toString();
		String first = place(TestPartners.REPLAY_KEY, key, "p-001", 2).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/partner/v1/orders/o-5301")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String retry = place(TestPartners.REPLAY_KEY, key, "p-001", 2).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectHeader()
			.location("/partner/v1/orders/o-5301")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(retry).isEqualTo(first).contains("\"id\":\"o-5301\"");
		services.verify(1, postRequestedFor(urlPathEqualTo("/orders/partners/replay"))
			.withRequestBody(equalToJson("{\"productId\":\"p-001\",\"quantity\":2}")));
	}

	@Test
	void sameKeyWithAnotherBodyIsRefused() {
		services.stubFor(post("/orders/partners/replay").willReturn(created("o-5302")));
		String key = UUID.randomUUID().toString();
		place(TestPartners.REPLAY_KEY, key, "p-001", 1).expectStatus().isCreated();
		place(TestPartners.REPLAY_KEY, key, "p-001", 3).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void orderWithoutIdempotencyKeyIsRefused() {
		this.client.post()
			.uri("/partner/v1/orders")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", "p-001", "quantity", 1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void idempotencyKeysAreScopedPerPartner() {
		services.stubFor(post("/orders/partners/acme").willReturn(created("o-5401")));
		services.stubFor(post("/orders/partners/globex").willReturn(created("o-5402")));
		String key = UUID.randomUUID().toString();
		place(TestPartners.ACME_KEY, key, "p-001", 1).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("o-5401");
		place(TestPartners.GLOBEX_KEY, key, "p-001", 1).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("o-5402");
	}

	@Test
	void retryWhileTheFirstIsInFlightIsAConflict() {
		services.stubFor(post("/orders/partners/slow").willReturn(created("o-5501").withFixedDelay(3000)));
		String key = UUID.randomUUID().toString();
		Mono<Integer> first = Mono
			.fromCallable(
					() -> place(TestPartners.SLOW_KEY, key, "p-001", 1).returnResult(String.class).getStatus().value())
			.subscribeOn(Schedulers.boundedElastic())
			.cache();
		first.subscribe();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> services.findAll(postRequestedFor(urlPathEqualTo("/orders/partners/slow"))).size() == 1);
		place(TestPartners.SLOW_KEY, key, "p-001", 1).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(first.block(Duration.ofSeconds(30))).isEqualTo(201);
	}

	@Test
	void orderRefusedByTheOrdersServiceKeepsItsFieldErrorsOnly() {
		services.stubFor(post("/orders/partners/globex")
			.withRequestBody(equalToJson("{\"productId\":\"p-999\",\"quantity\":0}"))
			.willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/problem+json")
				.withBody(
						"""
								{"title":"Invalid order","status":422,"detail":"internal rule 7 at orders-db-3",
								 "errors":[{"field":"productId","message":"unknown product"},{"field":"quantity","message":"must be at least 1"}]}""")));
		String body = place(TestPartners.GLOBEX_KEY, UUID.randomUUID().toString(), "p-999", 0).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"field\":\"productId\"", "\"message\":\"must be at least 1\"")
			.doesNotContain("orders-db-3")
			.doesNotContain("internal rule");
	}

	private ResponseSpec place(String apiKey, String idempotencyKey, String productId, int quantity) {
		return this.client.post()
			.uri("/partner/v1/orders")
			.header("X-API-Key", apiKey)
			.header("Idempotency-Key", idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", productId, "quantity", quantity))
			.exchange();
	}

	private String notFoundBody(String orderId) {
		return this.client.get()
			.uri("/partner/v1/orders/{id}", orderId)
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static String withoutTrace(String problem) {
		return problem.replaceAll("\"traceId\":\"[0-9a-f]+\"", "");
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String id) {
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withHeader("Location", "http://orders.internal/orders/partners/x/" + id)
			.withBody(order(id));
	}

	private static String order(String id) {
		return """
				{"id":"%s","customerId":"c-041","productId":"p-001","productName":"Trail shoe","quantity":2,
				 "unitPrice":"10.00","total":"20.00","currency":"EUR","status":"placed","createdAt":"2026-01-01T10:00:00Z"}"""
			.formatted(id);
	}

}
