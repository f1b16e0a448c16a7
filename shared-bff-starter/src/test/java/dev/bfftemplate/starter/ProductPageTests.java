package dev.bfftemplate.starter;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

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
		org.assertj.core.api.Assertions.assertThat(body)
			.contains("\"status\":502", "\"dependency\":\"catalog\"", "\"reason\":\"error\"", "\"traceId\":")
			.doesNotContain("SQLException", "db-7", "127.0.0.1", "localhost", "Exception");
	}

	private void stubItem(String downstream, String id, String name) {
		this.downstreams.stubFor(get(urlPathEqualTo("/" + downstream + "/items/" + id))
			.willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")));
	}

}
