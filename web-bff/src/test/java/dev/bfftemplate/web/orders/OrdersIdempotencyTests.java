package dev.bfftemplate.web.orders;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bfftemplate.web.testing.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/orders} with an {@code Idempotency-Key} (the starter's idempotency
 * filter, keys in Redis, scoped per signed-in user): a retry of an order is answered the
 * first answer and the orders service places it once.
 */
@WebBffTest
class OrdersIdempotencyTests {

	private static final String ORDER = "{\"productId\":\"p-001\",\"quantity\":2}";

	/** Long enough for the test to send a duplicate while the first is being placed. */
	private static final int SLOW_ORDERS_SERVICE_MILLIS = 2000;

	private final WireMockServer downstreams = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void aRetryWithTheSameKeyAndBodyGetsTheStoredAnswerAndTheOrderIsPlacedOnce() {
		SignedInBrowser browser = signIn();
		String customerId = stubOrders(browser, 0);
		String key = UUID.randomUUID().toString();
		EntityExchangeResult<String> first = order(browser, key, ORDER).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody(String.class)
			.returnResult();
		order(browser, key, ORDER).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectHeader()
			.location("/api/orders/o-" + customerId)
			.expectBody(String.class)
			.isEqualTo(first.getResponseBody());
		this.downstreams.verify(1, placedFor(customerId));
	}

	@Test
	void theSameKeyWithAnotherOrderIsA422ProblemAndPlacesNothing() {
		SignedInBrowser browser = signIn();
		String customerId = stubOrders(browser, 0);
		String key = UUID.randomUUID().toString();
		order(browser, key, ORDER).expectStatus().isCreated();
		assertThat(assertProblem(order(browser, key, "{\"productId\":\"p-001\",\"quantity\":3}"), 422))
			.containsEntry("type", "/problems/idempotency-key-reused");
		this.downstreams.verify(1, placedFor(customerId));
	}

	@Test
	void aDuplicateWhileTheFirstIsBeingPlacedIsA409Problem() {
		SignedInBrowser browser = signIn();
		String customerId = stubOrders(browser, SLOW_ORDERS_SERVICE_MILLIS);
		String key = UUID.randomUUID().toString();
		CompletableFuture<Integer> first = CompletableFuture
			.supplyAsync(() -> order(browser, key, ORDER).returnResult(String.class).getStatus().value());
		await("the first order at the orders service").atMost(Duration.ofSeconds(5))
			.until(() -> this.downstreams.countRequestsMatching(placedFor(customerId).build()).getCount() == 1);
		assertThat(assertProblem(order(browser, key, ORDER), 409)).containsEntry("type",
				"/problems/idempotency-key-in-flight");
		assertThat(first.join()).isEqualTo(201);
		this.downstreams.verify(1, placedFor(customerId));
	}

	@Test
	void anOrderWithoutAKeyIsA400Problem() {
		SignedInBrowser browser = signIn();
		String customerId = stubOrders(browser, 0);
		assertThat(assertProblem(browser.fromApp(HttpMethod.POST, "/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ORDER)
			.exchange(), 400)).containsEntry("type", "/problems/idempotency-key-missing");
		this.downstreams.verify(0, placedFor(customerId));
	}

	@Test
	void anotherUsersKeyReplaysNothing() {
		SignedInBrowser alice = signIn();
		SignedInBrowser bob = signIn();
		String alicesCustomer = stubOrders(alice, 0);
		String bobsCustomer = stubOrders(bob, 0);
		String key = UUID.randomUUID().toString();
		order(alice, key, ORDER).expectStatus().isCreated();
		order(bob, key, ORDER).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("o-" + bobsCustomer);
		this.downstreams.verify(1, placedFor(alicesCustomer));
		this.downstreams.verify(1, placedFor(bobsCustomer));
	}

	private SignedInBrowser signIn() {
		return SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(), Duration.ofMinutes(5));
	}

	private static WebTestClient.ResponseSpec order(SignedInBrowser browser, String key, String json) {
		return browser.fromApp(HttpMethod.POST, "/api/orders")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

	private static RequestPatternBuilder placedFor(String customerId) {
		return postRequestedFor(urlPathEqualTo("/orders"))
			.withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId)));
	}

	private String stubOrders(SignedInBrowser browser, int delayMillis) {
		String customerId = browser.tokens().user().customerId();
		MappingBuilder placing = post("/orders").withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId)))
			.willReturn(aResponse().withStatus(201)
				.withFixedDelay(delayMillis)
				.withHeader("Content-Type", "application/json")
				.withBody("""
						{"id":"o-%1$s","customerId":"%1$s","productId":"p-001","productName":"Kettle","quantity":2,
						"unitPrice":"19.99","total":"39.98","currency":"EUR","status":"placed",
						"createdAt":"2026-01-02T03:04:05Z"}""".formatted(customerId)));
		this.downstreams.stubFor(placing);
		return customerId;
	}

}
