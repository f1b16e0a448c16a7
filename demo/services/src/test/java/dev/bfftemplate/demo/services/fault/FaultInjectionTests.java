package dev.bfftemplate.demo.services.fault;

import java.time.Duration;

import dev.bfftemplate.demo.services.DemoService;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Each fault mode seen by a real HTTP client talking to the running server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureWebTestClient
class FaultInjectionTests {

	private static final String REVIEWS = "/reviews/products/p-001";

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private FaultRegistry registry;

	@Autowired
	private MeterRegistry meterRegistry;

	@AfterEach
	void resetFaults() {
		this.registry.resetAll();
	}

	@Test
	void latencyDelaysTheAnswer() {
		inject(new FaultSettings(Duration.ofMillis(300), Duration.ZERO, 0, 503, 0, 0, 0));
		long start = System.nanoTime();
		this.client.get().uri(REVIEWS).exchange().expectStatus().isOk().expectBody(Void.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void errorRateOneFailsEveryRequestWithAProblem() {
		inject(new FaultSettings(Duration.ZERO, Duration.ZERO, 1, 503, 0, 0, 0));
		this.client.get()
			.uri(REVIEWS)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.productId")
			.doesNotExist();
		this.client.get().uri("/catalog/products/p-001").exchange().expectStatus().isOk().expectBody(Void.class);
	}

	@Test
	void errorRateHalfFailsSomeRequestsAndNotOthers() {
		inject(new FaultSettings(Duration.ZERO, Duration.ZERO, 0.5, 500, 0, 0, 0));
		int failures = 0;
		int requests = 200;
		for (int i = 0; i < requests; i++) {
			int status = this.client.get()
				.uri(REVIEWS)
				.exchange()
				.expectBody(Void.class)
				.returnResult()
				.getStatus()
				.value();
			assertThat(status).isIn(200, 500);
			failures += (status == 500) ? 1 : 0;
		}
		// 200 fair coin flips land outside 50..150 with a probability below 1e-12
		assertThat(failures).isBetween(50, 150);
	}

	@Test
	void hangHoldsTheRequestUntilTheClientGivesUpAndThenLetsGo() {
		inject(new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 503, 1, 0, 0));
		Mono<String> request = httpClient().responseTimeout(Duration.ofSeconds(2))
			.get()
			.uri(REVIEWS)
			.responseContent()
			.aggregate()
			.asString();
		StepVerifier.create(request)
			.then(() -> await().atMost(Duration.ofSeconds(5)).until(() -> hangingRequests() == 1))
			.expectError(ReadTimeoutException.class)
			.verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(5)).until(() -> hangingRequests() == 0);
	}

	@Test
	void connectionResetAbortsTheConnection() {
		inject(new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 503, 0, 1, 0));
		Mono<String> request = httpClient().get().uri(REVIEWS).responseContent().aggregate().asString();
		StepVerifier.create(request)
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("reset"))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void malformedBodyIsAnOkResponseWithTruncatedJson() {
		String intact = this.client.get()
			.uri(REVIEWS)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		inject(new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 503, 0, 0, 1));
		String truncated = this.client.get()
			.uri(REVIEWS)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(intact).startsWith(truncated);
		assertThat(truncated).isNotEmpty().hasSizeLessThan(intact.length());
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> JsonMapper.builder().build().readTree(truncated));
	}

	private void inject(FaultSettings faults) {
		this.registry.set(DemoService.REVIEWS, faults);
	}

	private double hangingRequests() {
		return this.meterRegistry.get("demo.faults.hanging.requests").gauge().value();
	}

	/** A client without a connection pool, so that no test reuses a broken connection. */
	private HttpClient httpClient() {
		return HttpClient.create(ConnectionProvider.newConnection()).baseUrl("http://127.0.0.1:" + this.port);
	}

}
