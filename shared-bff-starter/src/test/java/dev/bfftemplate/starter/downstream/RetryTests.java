package dev.bfftemplate.starter.downstream;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.bfftemplate.starter.SampleBffApplication.Item;
import dev.bfftemplate.starter.SampleBffApplication.ItemClient;
import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Parts;
import dev.bfftemplate.starter.fanout.Reason;
import dev.bfftemplate.starter.fanout.Warning;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries of the {@code retrying} (3 attempts, 1 ms backoff), {@code patient} (1 s
 * backoff) and {@code budget} (3 attempts, a reserve of 2 retries, 0.1 retry earned per
 * call) downstreams, counted by WireMock.
 */
@SampleBffTest
class RetryTests {

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private FanOut fanOut;

	@Autowired
	private HttpServiceProxyRegistry clients;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void idempotentCallIsRetriedAfterUnavailableAnswer() {
		this.downstreams.stubFor(get(urlPathEqualTo("/retrying/items/1")).inScenario("recovers")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		this.downstreams.stubFor(get(urlPathEqualTo("/retrying/items/1")).inScenario("recovers")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson("{\"id\":\"1\",\"name\":\"Lamp\"}")));
		Parts parts = run("retrying", client("retrying").item("1"));
		assertThat(parts.complete()).isTrue();
		this.downstreams.verify(2, getRequestedFor(urlPathEqualTo("/retrying/items/1")));
	}

	@Test
	void postWithoutIdempotencyKeyIsNeverRetried() {
		this.downstreams.stubFor(post(urlPathEqualTo("/retrying/items")).willReturn(aResponse().withStatus(503)));
		Parts parts = run("retrying", client("retrying").create(new Item("1", "Lamp")));
		assertThat(parts.warnings()).extracting(Warning::reason).containsExactly(Reason.ERROR);
		this.downstreams.verify(1, postRequestedFor(urlPathEqualTo("/retrying/items")));
	}

	@Test
	void postWithIdempotencyKeyIsRetried() {
		this.downstreams.stubFor(post(urlPathEqualTo("/retrying/items")).willReturn(aResponse().withStatus(503)));
		run("retrying", client("retrying").create("key-1", new Item("1", "Lamp")));
		this.downstreams.verify(3, postRequestedFor(urlPathEqualTo("/retrying/items")));
	}

	@Test
	void clientErrorIsNotRetried() {
		this.downstreams.stubFor(get(urlPathEqualTo("/retrying/items/2")).willReturn(aResponse().withStatus(400)));
		run("retrying", client("retrying").item("2"));
		this.downstreams.verify(1, getRequestedFor(urlPathEqualTo("/retrying/items/2")));
	}

	@Test
	void noRetryWhoseBackoffWouldOutliveTheDeadline() {
		this.downstreams.stubFor(get(urlPathEqualTo("/patient/items/1")).willReturn(aResponse().withStatus(503)));
		FanOutRequest request = this.fanOut.request(Duration.ofMillis(400));
		request.call("patient", client("patient").item("1")).optional();
		Parts parts = request.assemble((values) -> values).block(Duration.ofSeconds(10));
		assertThat(parts.warnings()).extracting(Warning::reason).containsExactly(Reason.ERROR);
		this.downstreams.verify(1, getRequestedFor(urlPathEqualTo("/patient/items/1")));
	}

	@Test
	void retryBudgetKeepsFailingDownstreamFromBeingHammered() {
		this.downstreams.stubFor(get(urlPathEqualTo("/budget/items/1")).willReturn(aResponse().withStatus(503)));
		for (int i = 0; i < 10; i++) {
			run("budget", client("budget").item("1"));
		}
		// Without a budget: 10 calls x 3 attempts = 30. With it: the first call spends
		// the reserve of 2 retries, the 9 others earn 0.9 of a retry, not enough for one
		this.downstreams.verify(12, getRequestedFor(urlPathEqualTo("/budget/items/1")));
	}

	private Parts run(String downstream, Mono<Item> call) {
		FanOutRequest request = this.fanOut.request();
		request.call(downstream, call).optional();
		return request.assemble((parts) -> parts).block(Duration.ofSeconds(10));
	}

	private ItemClient client(String downstream) {
		return this.clients.getClient(downstream, ItemClient.class);
	}

}
