package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.bfftemplate.starter.redis.RedisStartupConnection;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis answering only after the application has started (a compose stack on a busy
 * machine, Redis restarting during a rollout): the application starts anyway, stays alive
 * with readiness down and idempotent requests refused with 503 while each handshake times
 * out, and serves as soon as Redis answers, without a restart.
 */
class RedisAnsweringLateTests {

	private static final String LAMP = "{\"productId\":\"p-1\",\"quantity\":1}";

	private final LateRedis redis = new LateRedis();

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() throws Exception {
		if (this.application != null) {
			this.application.close();
		}
		this.redis.close();
	}

	@Test
	void startsWithReadinessDownAndServesOnceRedisAnswers() throws Exception {
		this.redis.listenSilently();
		this.application = new SpringApplicationBuilder(IdempotentOrdersApplication.class)
			.properties(Map.of("server.port", "0", "server.address", "127.0.0.1", "bff.idempotency.paths", "/orders",
					"spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", String.valueOf(this.redis.port()),
					// each handshake times out quickly: the one that killed mobile-bff
					"spring.data.redis.timeout", "300ms", "spring.data.redis.connect-timeout", "300ms",
					"bff.redis.startup.initial-backoff", "50ms", "bff.redis.startup.max-backoff", "500ms"))
			.run();
		RedisStartupConnection connection = this.application.getBean(RedisStartupConnection.class);

		await("several handshakes timed out").atMost(Duration.ofSeconds(30))
			.until(() -> this.redis.silentAttempts() >= 3);
		assertThat(this.application.isRunning()).isTrue();
		assertThat(connection.isConnected()).isFalse();
		client().get().uri("/readyz").exchange().expectStatus().isEqualTo(503);
		client().get().uri("/livez").exchange().expectStatus().isOk();
		place(UUID.randomUUID().toString()).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/idempotency-store-unavailable");

		this.redis.answer();

		StepVerifier.create(connection.whenConnected()).expectComplete().verify(Duration.ofSeconds(30));
		client().get().uri("/readyz").exchange().expectStatus().isOk();
		String key = UUID.randomUUID().toString();
		place(key).expectStatus().isCreated();
		place(key).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(IdempotencyWebFilter.IDEMPOTENT_REPLAYED, "true");
		assertThat(this.application.getBean(IdempotentOrdersApplication.OrdersController.class).placed).hasValue(1);
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + ((WebServerApplicationContext) this.application).getWebServer().getPort())
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private WebTestClient.ResponseSpec place(String key) {
		return client().post()
			.uri("/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alice")
			.header(IdempotencyWebFilter.IDEMPOTENCY_KEY, key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(LAMP)
			.exchange();
	}

}
