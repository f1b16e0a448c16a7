package dev.bfftemplate.starter;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The product page of the sample BFF, over HTTP, in front of WireMock downstreams.
 */
@SampleBffTest
class ProductPageTests {

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private WebTestClient client;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void completeAnswerHasEveryPartAndNoWarnings() {
		stubItem("catalog", "p1", "Lamp");
		stubItem("inventory", "p1", "12 in stock");
		stubItem("reviews", "p1", "4.5 stars");
		this.client.get()
			.uri("/products/p1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.product.name")
			.isEqualTo("Lamp")
			.jsonPath("$.stock.name")
			.isEqualTo("12 in stock")
			.jsonPath("$.reviews.name")
			.isEqualTo("4.5 stars")
			.jsonPath("$.warnings")
			.isEmpty();
	}

	@Test
	void optionalFailureGivesPartialAnswerWithWarning() {
		stubItem("catalog", "p2", "Lamp");
		this.downstreams.stubFor(get(urlPathEqualTo("/inventory/items/p2")).willReturn(aResponse().withStatus(500)));
		stubItem("reviews", "p2", "4.5 stars");
		this.client.get()
			.uri("/products/p2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.product.name")
			.isEqualTo("Lamp")
			.jsonPath("$.stock")
			.doesNotExist()
			.jsonPath("$.warnings.length()")
			.isEqualTo(1)
			.jsonPath("$.warnings[0].code")
			.isEqualTo("inventory-unavailable")
			.jsonPath("$.warnings[0].dependency")
			.isEqualTo("inventory")
			.jsonPath("$.warnings[0].reason")
			.isEqualTo("error");
	}

	@Test
	void requiredFailureIsBadGatewayProblemWithoutInternalDetails() {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/p3"))
			.willReturn(aResponse().withStatus(500).withBody("java.sql.SQLException at db-7.internal")));
		stubItem("inventory", "p3", "12 in stock");
		stubItem("reviews", "p3", "4.5 stars");
		String body = this.client.get()
			.uri("/products/p3")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body)
			.contains("\"status\":502", "\"dependency\":\"catalog\"", "\"reason\":\"error\"", "\"traceId\":")
			.doesNotContain("SQLException", "db-7", "127.0.0.1", "localhost", "Exception");
	}

	@Test
	void requiredTimeoutIsGatewayTimeoutProblem() {
		this.downstreams
			.stubFor(get(urlPathEqualTo("/catalog/items/p4")).willReturn(okJson("{}").withFixedDelay(3000)));
		stubItem("inventory", "p4", "12 in stock");
		stubItem("reviews", "p4", "4.5 stars");
		this.client.get()
			.uri("/quick/products/p4")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(504)
			.jsonPath("$.reason")
			.isEqualTo("timeout");
	}

	@Test
	void requiredBreakerOpenIsServiceUnavailableProblem() {
		this.circuitBreakers.circuitBreaker("catalog").transitionToOpenState();
		this.client.get()
			.uri("/products/p5")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("circuit-open");
	}

	@Test
	void callsRunInParallel() {
		int delay = 1000;
		stubItem("catalog", "p6", "Lamp", delay);
		stubItem("inventory", "p6", "12 in stock", delay);
		stubItem("reviews", "p6", "4.5 stars", delay);
		this.client.get().uri("/products/p6").exchange().expectStatus().isOk();
		List<Long> arrivals = this.downstreams.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().getLoggedDate().getTime())
			.toList();
		assertThat(arrivals).hasSize(3);
		// Every call reached its downstream before the first one was answered:
		// sequential calls would arrive at least a delay apart
		assertThat(Collections.max(arrivals) - Collections.min(arrivals)).isLessThan(delay);
	}

	@Test
	void deadlineCutsSlowOptionalCallAndAnswersWithWhatArrived() {
		stubItem("catalog", "p7", "Lamp");
		stubItem("inventory", "p7", "12 in stock", 3000);
		stubItem("reviews", "p7", "4.5 stars");
		this.client.get()
			.uri("/quick/products/p7")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.product.name")
			.isEqualTo("Lamp")
			.jsonPath("$.stock")
			.doesNotExist()
			.jsonPath("$.warnings[0].code")
			.isEqualTo("inventory-unavailable")
			.jsonPath("$.warnings[0].reason")
			.isEqualTo("timeout");
	}

	@Test
	void callsInFlightAreCancelledWhenTheClientGoesAway() {
		stubItem("catalog", "p8", "Lamp", 4000);
		stubItem("inventory", "p8", "12 in stock");
		stubItem("reviews", "p8", "4.5 stars");
		double cancelledBefore = cancelledCatalogCalls();
		WebTestClient impatient = this.client.mutate().responseTimeout(Duration.ofMillis(500)).build();
		assertThatIllegalStateException().isThrownBy(() -> impatient.get().uri("/products/p8").exchange());
		Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> cancelledCatalogCalls() > cancelledBefore);
	}

	private double cancelledCatalogCalls() {
		Timer timer = this.meters.find("bff.downstream.calls")
			.tags("downstream", "catalog", "outcome", "cancelled")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private void stubItem(String downstream, String id, String name, int delay) {
		this.downstreams.stubFor(get(urlPathEqualTo("/" + downstream + "/items/" + id))
			.willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}").withFixedDelay(delay)));
	}

	private void stubItem(String downstream, String id, String name) {
		this.downstreams.stubFor(get(urlPathEqualTo("/" + downstream + "/items/" + id))
			.willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")));
	}

}
