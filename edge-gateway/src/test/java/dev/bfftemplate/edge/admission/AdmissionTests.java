package dev.bfftemplate.edge.admission;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst larger than what a BFF may have in flight waits at the edge for its turn:
 * nothing is refused or times out while the queue has room, and the BFF never sees more
 * than the limit. Here the limit is one request and the queue three.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "edge.admission.initial-limit=1", "edge.admission.min-limit=1",
				"edge.admission.max-limit=1", "edge.admission.max-queue-length=3", "edge.admission.max-queue-wait=30s",
				"edge.admission.retry-after=3s", "edge.response-timeouts.web-bff=2000",
				"edge.rate-limit.policies.web.limit=1000" })
// Rate limits counted in memory (no Redis configured): this is about the queue, not the
// counter store.
@ContextConfiguration(initializers = EdgeTestEnvironment.Initializer.class)
class AdmissionTests {

	private static final int BFF_LATENCY_MS = 800;

	@LocalServerPort
	int port;

	@BeforeEach
	void slowButHealthyBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.withBody("{\"screen\":\"ok\"}")
			.withFixedDelay(BFF_LATENCY_MS)));
	}

	@Test
	void aBurstWaitsItsTurnInsteadOfTimingOut() {
		List<Answer> answers = burst(4);

		// the last one waited 3 x 800 ms, longer than the 2 s route timeout, and still
		// got its answer
		assertThat(answers).extracting(Answer::status).containsOnly(200);
		List<LoggedRequest> received = WEB.findAll(anyRequestedFor(anyUrl()));
		assertThat(received).hasSize(4);
		List<Long> arrivals = received.stream()
			.map((request) -> request.getLoggedDate().getTime())
			.sorted(Comparator.naturalOrder())
			.toList();
		for (int i = 1; i < arrivals.size(); i++) {
			assertThat(arrivals.get(i) - arrivals.get(i - 1))
				.as("each request reached the BFF only after the one before had its answer")
				.isGreaterThanOrEqualTo(BFF_LATENCY_MS - 50);
		}
	}

	@Test
	void beyondTheQueueTheEdgeAnswers503WithRetryAfterAndNeverForwards() {
		List<Answer> answers = burst(6);

		assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 200, 200, 200, 503, 503);
		List<Answer> refused = answers.stream().filter((answer) -> answer.status() == 503).toList();
		assertThat(refused).hasSize(2).allSatisfy((answer) -> {
			assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.retryAfter()).isEqualTo("3");
			assertThat(answer.body()).contains("\"code\":\"upstream-busy\"", "\"status\":503")
				.doesNotContain("Exception", "127.0.0.1");
		});
		WEB.verify(4, anyRequestedFor(anyUrl()));
	}

	private List<Answer> burst(int requests) {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		return Flux.range(0, requests)
			.flatMap(
					(i) -> client.get()
						.uri("/api/product-page/p-00" + i)
						.exchangeToMono((response) -> response.bodyToMono(String.class)
							.defaultIfEmpty("")
							.map((body) -> new Answer(response.statusCode().value(),
									response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
									response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), body))),
					requests)
			.collectList()
			.block(EdgeTestEnvironment.ANSWER_TIMEOUT);
	}

	private record Answer(int status, String contentType, String retryAfter, String body) {

	}

}
