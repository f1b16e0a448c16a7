package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.idempotency.IdempotentOrdersApplication.OrdersController;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idempotency keys through HTTP, kept in memory (no Redis configured): the filter
 * processes each key once per caller and answers retries, reuse and races as the IETF
 * draft says.
 */
@SpringBootTest(classes = IdempotentOrdersApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "bff.idempotency.paths=/orders", "bff.idempotency.max-request-size=1KB" })
@AutoConfigureWebTestClient(timeout = "10s")
class IdempotencyWebFilterTests {

	private static final String LAMP = "{\"productId\":\"p-1\",\"quantity\":1}";

	@Autowired
	private WebTestClient client;

	@Autowired
	private OrdersController orders;

	@Autowired
	private IdempotencyStore store;

	@LocalServerPort
	private int port;

	private String key;

	@BeforeEach
	void newKey() {
		this.key = UUID.randomUUID().toString();
		this.orders.placed.set(0);
	}

	@Test
	void theStoreIsInMemoryWhenNoRedisIsConfigured() {
		assertThat(this.store).isInstanceOf(InMemoryIdempotencyStore.class);
	}

	@Test
	void aRequestWithoutKeyIsRefusedAndNotProcessed() {
		this.client.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alice")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-missing")
			.jsonPath("$.status")
			.isEqualTo(400);
		assertThat(this.orders.placed).hasValue(0);
	}

	@Test
	void aMalformedKeyIsRefused() {
		place("alice", "x".repeat(256), LAMP).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-invalid");
		place("alice", "\"\"", LAMP).expectStatus().isBadRequest();
		assertThat(this.orders.placed).hasValue(0);
	}

	@Test
	void aRetryGetsTheFirstResponseWithoutProcessingAgain() {
		byte[] first = place("alice", this.key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/orders/o-1")
			.expectHeader()
			.doesNotExist(IdempotencyWebFilter.IDEMPOTENT_REPLAYED)
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] retry = place("alice", this.key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/orders/o-1")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals(IdempotencyWebFilter.IDEMPOTENT_REPLAYED, "true")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(retry).isEqualTo(first);
		assertThat(this.orders.placed).hasValue(1);
	}

	@Test
	void theKeyMayBeAStructuredFieldString() {
		place("alice", "\"" + this.key + "\"", LAMP).expectStatus().isCreated();
		place("alice", this.key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(IdempotencyWebFilter.IDEMPOTENT_REPLAYED, "true");
		assertThat(this.orders.placed).hasValue(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedWith422() {
		place("alice", this.key, LAMP).expectStatus().isCreated();
		place("alice", this.key, "{\"productId\":\"p-1\",\"quantity\":2}").expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-reused")
			.jsonPath("$.status")
			.isEqualTo(422);
		assertThat(this.orders.placed).hasValue(1);
	}

	@Test
	void aRetryWhileTheFirstIsInFlightGets409() {
		Mono<ResponseEntity<String>> first = WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alice")
			.header(IdempotencyWebFilter.IDEMPOTENCY_KEY, this.key)
			.header("X-Hold", this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.retrieve()
			.toEntity(String.class)
			.cache();
		first.subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.orders.placed.get() == 1);
		place("alice", this.key, LAMP).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-in-flight");
		this.orders.release(this.key);
		assertThat(first.block(Duration.ofSeconds(10)).getStatusCode().value()).isEqualTo(201);
		place("alice", this.key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(IdempotencyWebFilter.IDEMPOTENT_REPLAYED, "true");
		assertThat(this.orders.placed).hasValue(1);
	}

	@Test
	void keysAreScopedPerCaller() {
		place("alice", this.key, LAMP).expectStatus().isCreated().expectHeader().location("/orders/o-1");
		place("bob", this.key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/orders/o-2")
			.expectHeader()
			.doesNotExist(IdempotencyWebFilter.IDEMPOTENT_REPLAYED);
		assertThat(this.orders.placed).hasValue(2);
	}

	@Test
	void aServerErrorFreesTheKeySoThatARetryIsProcessed() {
		this.client.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alice")
			.header(IdempotencyWebFilter.IDEMPOTENCY_KEY, this.key)
			.header("X-Fail", "true")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		place("alice", this.key, LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist(IdempotencyWebFilter.IDEMPOTENT_REPLAYED);
		assertThat(this.orders.placed).hasValue(2);
	}

	@Test
	void anAnonymousRequestIsRefused() {
		this.client.post()
			.uri("/orders")
			.header(IdempotencyWebFilter.IDEMPOTENCY_KEY, this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.orders.placed).hasValue(0);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWith413() {
		String large = "{\"productId\":\"" + "p".repeat(2000) + "\",\"quantity\":1}";
		place("alice", this.key, large).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.orders.placed).hasValue(0);
	}

	private WebTestClient.ResponseSpec place(String caller, String key, String body) {
		return this.client.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller)
			.header(IdempotencyWebFilter.IDEMPOTENCY_KEY, key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
