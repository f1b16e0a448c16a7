package dev.bfftemplate.edge.ratelimit;

import java.util.UUID;

import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.test.actuator.ManagementSurface;
import dev.bfftemplate.test.actuator.PrometheusScrape;
import dev.bfftemplate.test.metrics.GrafanaDashboard;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner policy allows 3 requests a minute per client in this context.
 */
@EdgeGatewayTest
class RateLimitTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meterRegistry;

	@LocalManagementPort
	int managementPort;

	@BeforeEach
	void stubPartnerBff() {
		EdgeTestEnvironment.reset();
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@Test
	void overTheLimitIs429ProblemWithRetryAfterAndRateLimitFields() {
		String client = clientAddress();
		for (int remaining = 2; remaining >= 0; remaining--) {
			String expected = "\"partner\";r=" + remaining + ";t=";
			fromAddress(client).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"partner\";q=3;w=60")
				.expectHeader()
				.value("RateLimit", (value) -> assertThat(value).startsWith(expected));
		}
		fromAddress(client).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (value) -> assertThat(Long.parseLong(value)).isBetween(1L, 60L))
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"partner\";q=3;w=60")
			.expectHeader()
			.value("RateLimit", (value) -> assertThat(value).startsWith("\"partner\";r=0;t="))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.code")
			.isEqualTo("quota-exceeded")
			.jsonPath("$.traceId")
			.isNotEmpty();
		assertThat(PARTNER.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
		assertThat(this.meterRegistry.find("edge.rate-limit.decisions").tag("outcome", "rejected").counter())
			.isNotNull();
	}

	@Test
	void eachClientAddressHasItsOwnBucket() {
		String first = clientAddress();
		for (int i = 0; i < 3; i++) {
			fromAddress(first).expectStatus().isOk();
		}
		fromAddress(first).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		fromAddress(clientAddress()).expectStatus().isOk();
	}

	@Test
	void partnersAreLimitedByApiKeyNotByAddress() {
		String address = clientAddress();
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			withApiKey(address, key).expectStatus().isOk();
		}
		withApiKey(address, key).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		withApiKey(address, UUID.randomUUID().toString()).expectStatus().isOk();
	}

	/**
	 * The edge's panel of deploy/grafana/bff-dashboard.json queries only metrics the edge
	 * exposes (the BFF panels are checked by the starter's DownstreamMetricsTests).
	 */
	@Test
	void everyEdgeMetricTheGrafanaDashboardQueriesIsExposed() {
		String client = clientAddress();
		for (int i = 0; i < 4; i++) {
			fromAddress(client).expectStatus();
		}
		PrometheusScrape prometheus = ManagementSurface.scrapePrometheus(this.managementPort);
		assertThat(prometheus.sum("edge_rate_limit_decisions_total", "policy", "partner")).isPositive();
		GrafanaDashboard dashboard = GrafanaDashboard.read(GrafanaDashboard.BFF_DASHBOARD);
		assertThat(dashboard.metrics()).contains("edge_rate_limit_decisions_total");
		assertThat(dashboard.missingFrom(prometheus.text(), "edge_")).isEmpty();
	}

	private WebTestClient.ResponseSpec fromAddress(String address) {
		return this.client.get().uri("/partner/v1/products").header("X-Forwarded-For", address).exchange();
	}

	private WebTestClient.ResponseSpec withApiKey(String address, String key) {
		return this.client.get()
			.uri("/partner/v1/products")
			.header("X-Forwarded-For", address)
			.header("X-API-Key", key)
			.exchange();
	}

	private static String clientAddress() {
		return "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();
	}

}
