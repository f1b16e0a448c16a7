package dev.bfftemplate.starter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of concurrent product page requests over HTTP while every downstream is
 * healthy: the concurrency limits and the connection pool let all of it through, with
 * neither errors nor partial answers (a fixed limit of 64 calls per downstream answered
 * about a third of such a burst 503). The timeouts are generous, so that a slow shared
 * build machine (1,500 WireMock calls in one JVM) cannot turn into timeouts: what is
 * proven is that no call is refused, not how fast they are.
 */
@SampleBffTest
@TestPropertySource(properties = { "bff.fan-out.deadline=60s", "bff.downstreams.catalog.timeout=50s",
		"bff.downstreams.inventory.timeout=50s", "bff.downstreams.reviews.timeout=50s",
		"spring.http.serviceclient.catalog.read-timeout=50s", "spring.http.serviceclient.inventory.read-timeout=50s",
		"spring.http.serviceclient.reviews.read-timeout=50s" })
class HealthyBurstTests {

	private static final int CONCURRENCY = 500;

	private final WireMockServer downstreams = SampleDownstreams.server();

	@LocalServerPort
	private int port;

	@BeforeEach
	void healthyDownstreams() {
		this.downstreams.resetAll();
		for (String downstream : List.of("catalog", "inventory", "reviews")) {
			this.downstreams.stubFor(get(urlPathMatching("/" + downstream + "/items/burst-.*"))
				.willReturn(okJson("{\"id\":\"burst\",\"name\":\"" + downstream + "\"}")));
		}
	}

	@Test
	void burstOfConcurrentRequestsIsAnsweredCompletely() {
		ConnectionProvider connections = ConnectionProvider.builder("burst")
			.maxConnections(CONCURRENCY)
			.pendingAcquireMaxCount(-1)
			.build();
		try {
			WebClient client = WebClient.builder()
				.baseUrl("http://127.0.0.1:" + this.port)
				.clientConnector(new ReactorClientHttpConnector(
						HttpClient.create(connections).responseTimeout(Duration.ofSeconds(90))))
				.build();
			List<String> answers = Flux.range(0, CONCURRENCY)
				.flatMap((i) -> client.get()
					.uri("/products/burst-{i}", i)
					.exchangeToMono((response) -> response.bodyToMono(String.class)
						.map((body) -> response.statusCode().value() + " " + body))
					.onErrorResume(
							(failure) -> Mono.just("no answer: " + NestedExceptionUtils.getMostSpecificCause(failure))),
						CONCURRENCY)
				.collectList()
				.block(Duration.ofSeconds(120));
			Map<String, Long> outcomes = answers.stream()
				.map((answer) -> answer.startsWith("200 ") && answer.contains("\"warnings\":[]") ? "complete" : answer)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(outcomes).containsExactly(Map.entry("complete", (long) CONCURRENCY));
		}
		finally {
			connections.dispose();
		}
	}

}
