package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.bfftemplate.starter.idempotency.IdempotentOrdersApplication.OrdersController;
import dev.bfftemplate.test.redis.RealRedis;
import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.test.redis.WithRealRedis;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idempotency keys in a real Redis shared by two instances of the application: each
 * answers the other's retries, refuses the other's reuse and races, and a key expires
 * from Redis after its time to live.
 */
@WithRealRedis
class RedisIdempotencyTests {

	private static final String LAMP = "{\"productId\":\"p-1\",\"quantity\":1}";

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private String key;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stopInstances() {
		first.close();
		second.close();
	}

	private static ConfigurableApplicationContext start() {
		RedisEndpoint redis = RealRedis.endpoint();
		return new SpringApplicationBuilder(IdempotentOrdersApplication.class)
			.properties(Map.of("server.port", "0", "server.address", "127.0.0.1", "bff.idempotency.paths", "/orders",
					"spring.data.redis.host", redis.host(), "spring.data.redis.port", String.valueOf(redis.port()),
					// the machine running the tests may be busy: this test is about
					// behaviour
					"bff.idempotency.store.timeout", "10s"))
			.run();
	}

	@BeforeEach
	void newKey() {
		this.key = UUID.randomUUID().toString();
		orders(first).placed.set(0);
		orders(second).placed.set(0);
	}

	@Test
	void bothInstancesKeepKeysInRedis() {
		assertThat(first.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
		assertThat(second.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
	}

	@Test
	void aRetryOnTheOtherInstanceGetsTheFirstResponse() {
		byte[] answer = place(first, "alice", LAMP).expectStatus()
			.isCreated()
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] replayed = place(second, "alice", LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.location("/orders/o-1")
			.expectHeader()
			.valueEquals(IdempotencyWebFilter.IDEMPOTENT_REPLAYED, "true")
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(replayed).isEqualTo(answer);
		assertThat(orders(first).placed).hasValue(1);
		assertThat(orders(second).placed).hasValue(0);
	}

	@Test
	void theSameKeyWithAnotherBodyOnTheOtherInstanceGets422() {
		place(first, "alice", LAMP).expectStatus().isCreated();
		place(second, "alice", "{\"productId\":\"p-2\",\"quantity\":1}").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-reused");
		assertThat(orders(second).placed).hasValue(0);
	}

	@Test
	void aRetryOnTheOtherInstanceWhileTheFirstIsInFlightGets409() {
		Mono<ResponseEntity<String>> held = WebClient.create(baseUrl(first))
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
		held.subscribe();
		await().atMost(Duration.ofSeconds(10)).until(() -> orders(first).placed.get() == 1);
		place(second, "alice", LAMP).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-key-in-flight");
		orders(first).release(this.key);
		assertThat(held.block(Duration.ofSeconds(10)).getStatusCode().value()).isEqualTo(201);
		place(second, "alice", LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(IdempotencyWebFilter.IDEMPOTENT_REPLAYED, "true");
		assertThat(orders(second).placed).hasValue(0);
	}

	@Test
	void keysAreScopedPerCaller() {
		place(first, "alice", LAMP).expectStatus().isCreated();
		place(second, "bob", LAMP).expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist(IdempotencyWebFilter.IDEMPOTENT_REPLAYED);
		assertThat(orders(second).placed).hasValue(1);
	}

	@Test
	void redisKeysAreHashesThatExpireAfterTheTtl() {
		place(first, "alice", LAMP).expectStatus().isCreated();
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(
				first.getBean(LettuceConnectionFactory.class));
		String storageKey = first.getBean(IdempotentRequests.class).storageKey("alice", this.key);
		assertThat(storageKey).startsWith("bff:idempotency:").doesNotContain(this.key).doesNotContain("alice");
		StepVerifier.create(redis.getExpire(storageKey))
			.assertNext((ttl) -> assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(24)))
			.verifyComplete();
	}

	@Test
	void anExpiredKeyIsProcessedAgain() {
		RedisIdempotencyStore store = first.getBean(RedisIdempotencyStore.class);
		IdempotentRequests requests = new IdempotentRequests(store,
				new IdempotencyProperties(List.of("/orders"), List.of("POST"), Duration.ofMillis(300),
						Duration.ofMinutes(1), 255, DataSize.ofKilobytes(64), DataSize.ofKilobytes(256), List.of(),
						new IdempotencyProperties.Store("bff:idempotency:test:", Duration.ofSeconds(10), 10)));
		IdempotencyDecision.Process claim = (IdempotencyDecision.Process) requests.claim("alice", this.key, "f")
			.block(Duration.ofSeconds(5));
		StepVerifier.create(requests.complete(claim, new StoredResponse(201, Map.of(), new byte[] { 1 })))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(requests.claim("alice", this.key, "f"))
			.expectNextMatches(IdempotencyDecision.Replay.class::isInstance)
			.verifyComplete();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> requests.claim("alice", this.key, "f")
				.block(Duration.ofSeconds(5)) instanceof IdempotencyDecision.Process);
	}

	private WebTestClient.ResponseSpec place(ConfigurableApplicationContext instance, String caller, String body) {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl(instance))
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller)
			.header(IdempotencyWebFilter.IDEMPOTENCY_KEY, this.key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static OrdersController orders(ConfigurableApplicationContext instance) {
		return instance.getBean(OrdersController.class);
	}

	private static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
