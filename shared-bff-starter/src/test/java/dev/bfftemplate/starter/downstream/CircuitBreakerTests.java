package dev.bfftemplate.starter.downstream;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breaker of the {@code flaky} downstream (a window of 4 calls, 50%, 300 ms open, 2
 * trial calls, half-opened by a timer) against WireMock.
 */
@SampleBffTest
class CircuitBreakerTests {

	private static final String PATH = "/flaky/items/1";

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private FanOut fanOut;

	@Autowired
	private HttpServiceProxyRegistry clients;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private MeterRegistry meters;

	private CircuitBreaker breaker;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		this.breaker = this.circuitBreakers.circuitBreaker("flaky");
	}

	@Test
	void opensFailsFastHalfOpensAndClosesAgain() {
		this.downstreams.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 4; i++) {
			assertThat(call().warnings()).extracting(Warning::reason).containsExactly(Reason.ERROR);
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

		for (int i = 0; i < 3; i++) {
			assertThat(call().warnings()).extracting(Warning::reason).containsExactly(Reason.CIRCUIT_OPEN);
		}
		this.downstreams.verify(4, getRequestedFor(urlPathEqualTo(PATH)));

		this.downstreams.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"id\":\"1\",\"name\":\"back\"}")));
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> call().complete());
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(call().complete()).isTrue();
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void openBreakerHalfOpensByItselfWithoutAnyCall() {
		this.downstreams.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 4; i++) {
			call();
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.breaker.getState() == CircuitBreaker.State.HALF_OPEN);
		assertThat(this.meters.get("resilience4j.circuitbreaker.state")
			.tags("name", "flaky", "state", "half_open")
			.gauge()
			.value()).isEqualTo(1);
		this.downstreams.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void failedTrialCallOpensAgain() {
		this.downstreams.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
		for (int i = 0; i < 4; i++) {
			call();
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> call().warnings().get(0).reason() == Reason.ERROR);
		call();
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	@Test
	void notFoundAnswersNeverOpenTheBreaker() {
		this.downstreams.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
		for (int i = 0; i < 8; i++) {
			assertThat(call().complete()).isTrue();
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		this.downstreams.verify(8, getRequestedFor(urlPathEqualTo(PATH)));
	}

	private Parts call() {
		FanOutRequest request = this.fanOut.request();
		request.call("flaky", this.clients.getClient("flaky", ItemClient.class).item("1")).optional();
		return request.assemble((parts) -> parts).block(Duration.ofSeconds(10));
	}

}
