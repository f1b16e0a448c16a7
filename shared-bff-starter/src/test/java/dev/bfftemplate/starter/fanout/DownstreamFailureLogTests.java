package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.SampleBffApplication.ItemClient;
import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the logs say about failed downstream calls, made through real requests against
 * WireMock: an expected failure is one line with dependency, reason and trace id and no
 * stack trace; only a failure no downstream explains is logged with its stack.
 */
@SampleBffTest
@ExtendWith(OutputCaptureExtension.class)
class DownstreamFailureLogTests {

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private WebTestClient client;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private FanOut fanOut;

	@Autowired
	private HttpServiceProxyRegistry clients;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void serverErrorIsOneLine(CapturedOutput output) {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/l1")).willReturn(aResponse().withStatus(503)));
		String traceId = request("/downstreams/catalog/items/l1");
		assertOneLineWithoutStackTrace(output, traceId, "catalog", "error");
	}

	@Test
	void timeoutIsOneLine(CapturedOutput output) {
		this.downstreams
			.stubFor(get(urlPathEqualTo("/catalog/items/l2")).willReturn(okJson("{}").withFixedDelay(3000)));
		String traceId = request("/downstreams/catalog/items/l2?timeoutMillis=200");
		assertOneLineWithoutStackTrace(output, traceId, "catalog", "timeout");
	}

	@Test
	void refusedConnectionIsOneLine(CapturedOutput output) {
		String traceId = request("/downstreams/refused/items/l3");
		assertOneLineWithoutStackTrace(output, traceId, "refused", "error");
	}

	@Test
	void openBreakerIsOneLine(CapturedOutput output) {
		this.circuitBreakers.circuitBreaker("catalog").transitionToOpenState();
		String traceId = request("/downstreams/catalog/items/l4");
		assertOneLineWithoutStackTrace(output, traceId, "catalog", "circuit-open");
	}

	@Test
	void callOverTheConcurrencyLimitIsOneLine(CapturedOutput output) {
		this.downstreams
			.stubFor(get(urlPathEqualTo("/limited/items/l5")).willReturn(okJson("{}").withFixedDelay(5000)));
		FanOutRequest holder = this.fanOut.request(Duration.ofSeconds(10));
		holder.call("limited", this.clients.getClient("limited", ItemClient.class).item("l5")).optional();
		Disposable held = holder.assemble((parts) -> parts).subscribe();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> !this.downstreams.findAll(getRequestedFor(urlPathEqualTo("/limited/items/l5"))).isEmpty());
			String traceId = request("/downstreams/limited/items/l5");
			assertOneLineWithoutStackTrace(output, traceId, "limited", "rejected");
		}
		finally {
			held.dispose();
		}
	}

	@Test
	void requiredFailureIsOneLine(CapturedOutput output) {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/l6")).willReturn(aResponse().withStatus(500)));
		this.downstreams.stubFor(get(urlPathEqualTo("/inventory/items/l6")).willReturn(okJson("{\"id\":\"l6\"}")));
		this.downstreams.stubFor(get(urlPathEqualTo("/reviews/items/l6")).willReturn(okJson("{\"id\":\"l6\"}")));
		String traceId = traceId();
		this.client.get()
			.uri("/products/l6")
			.header("traceparent", traceparent(traceId))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.traceId")
			.isEqualTo(traceId);
		assertOneLineWithoutStackTrace(output, traceId, "catalog", "error");
	}

	@Test
	void unexpectedFailureIsLoggedWithItsStackTrace(CapturedOutput output) {
		FanOutRequest request = this.fanOut.request();
		Part<Object> part = request.call("catalog", Mono.error(new IllegalStateException("mapping defect"))).optional();
		Parts parts = request.assemble((values) -> values).block(Duration.ofSeconds(5));
		assertThat(parts.warnings()).containsExactly(new Warning("catalog-unavailable", "catalog", Reason.ERROR));
		assertThat(parts.find(part)).isEmpty();
		assertThat(output.getAll()).contains("ERROR", "dependency=catalog", "reason=error",
				"java.lang.IllegalStateException: mapping defect", "\tat ");
	}

	private String request(String uri) {
		String traceId = traceId();
		this.client.get()
			.uri(uri)
			.header("traceparent", traceparent(traceId))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.warnings.length()")
			.isEqualTo(1);
		return traceId;
	}

	private static void assertOneLineWithoutStackTrace(CapturedOutput output, String traceId, String dependency,
			String reason) {
		List<String> lines = output.getAll().lines().filter((line) -> line.contains(traceId)).toList();
		assertThat(lines).singleElement()
			.asString()
			.contains("WARN", "dependency=" + dependency, "reason=" + reason, "traceId=" + traceId);
		assertThat(output.getAll()).doesNotContain("\tat ", "Exception:");
	}

	private static String traceId() {
		byte[] id = new byte[16];
		ThreadLocalRandom.current().nextBytes(id);
		return HexFormat.of().formatHex(id);
	}

	private static String traceparent(String traceId) {
		return "00-" + traceId + "-00f067aa0ba902b7-01";
	}

}
