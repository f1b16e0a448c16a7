package dev.bfftemplate.starter.downstream;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import dev.bfftemplate.starter.SampleBffApplication.ItemClient;
import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Parts;
import dev.bfftemplate.test.actuator.ManagementSurface;
import dev.bfftemplate.test.actuator.PrometheusScrape;
import dev.bfftemplate.test.metrics.GrafanaDashboard;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's meters at {@code /actuator/prometheus}.
 */
@SampleBffTest
class DownstreamMetricsTests {

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

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
	void prometheusShowsCallsBreakersPartialResponsesStaleServesAndRejectionsAndEverythingTheDashboardQueries() {
		PrometheusScrape prometheus = exerciseAndScrape();
		// counters of a context other test classes share: at least this test's own
		assertThat(prometheus.sum("bff_downstream_calls_seconds_count", "downstream", "catalog", "outcome", "success"))
			.isPositive();
		assertThat(prometheus.has("bff_downstream_calls_seconds_bucket", "downstream", "catalog", "outcome", "success"))
			.isTrue();
		assertThat(prometheus.sum("bff_downstream_calls_seconds_count", "downstream", "inventory", "outcome", "error"))
			.isPositive();
		assertThat(prometheus.value("resilience4j_circuitbreaker_state", "name", "catalog", "state", "closed"))
			.hasValue(1.0);
		assertThat(prometheus.sum("bff_partial_responses_total", "code", "inventory-unavailable", "dependency",
				"inventory", "reason", "error"))
			.isPositive();
		assertThat(prometheus.sum("bff_partial_responses_total", "code", "reviews-stale", "dependency", "reviews",
				"reason", "stale"))
			.isPositive();
		assertThat(prometheus.sum("bff_stale_serves_total", "downstream", "reviews")).isPositive();
		assertThat(prometheus.sum("bff_downstream_rejections_total", "downstream", "limited")).isPositive();
		// the BFF panels of deploy/grafana/bff-dashboard.json query only metrics the
		// starter
		// exposes (its edge_* panel is checked by the edge's RateLimitTests)
		GrafanaDashboard dashboard = GrafanaDashboard.read(GrafanaDashboard.BFF_DASHBOARD);
		assertThat(dashboard.metrics()).contains("bff_partial_responses_total", "resilience4j_circuitbreaker_state",
				"bff_downstream_calls_seconds_bucket");
		assertThat(dashboard.metrics()).allMatch(
				(name) -> name.startsWith("bff_") || name.startsWith("resilience4j_") || name.startsWith("edge_"));
		assertThat(dashboard.missingFrom(prometheus.text(), "bff_", "resilience4j_")).isEmpty();
	}

	/**
	 * A complete answer, a partial one (inventory fails), a stale one (reviews fails
	 * after a good answer) and a rejection; then the scrape.
	 */
	private PrometheusScrape exerciseAndScrape() {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/m1")).willReturn(okJson("{\"id\":\"m1\"}")));
		this.downstreams.stubFor(get(urlPathEqualTo("/reviews/items/m1")).willReturn(okJson("{\"id\":\"m1\"}")));
		this.downstreams.stubFor(get(urlPathEqualTo("/inventory/items/m1")).willReturn(aResponse().withStatus(500)));
		this.client.get()
			.uri("/products/m1")
			.header("Authorization", "Bearer metrics-user")
			.exchange()
			.expectStatus()
			.isOk();
		this.downstreams.stubFor(get(urlPathEqualTo("/reviews/items/m1")).willReturn(aResponse().withStatus(500)));
		this.client.get()
			.uri("/products/m1")
			.header("Authorization", "Bearer metrics-user")
			.exchange()
			.expectBody()
			.jsonPath("$.warnings[?(@.code == 'reviews-stale')]")
			.exists();
		causeRejection();

		return ManagementSurface.scrapePrometheus(this.port);
	}

	private void causeRejection() {
		this.downstreams.stubFor(
				get(urlPathEqualTo("/limited/items/m2")).willReturn(okJson("{\"id\":\"m2\"}").withFixedDelay(3000)));
		ItemClient limited = this.clients.getClient("limited", ItemClient.class);
		FanOutRequest holder = this.fanOut.request();
		holder.call("limited", limited.item("m2")).optional();
		Disposable inFlight = holder.assemble((parts) -> parts).subscribe();
		try {
			FanOutRequest rejected = this.fanOut.request();
			rejected.call("limited", limited.item("m2")).optional();
			Parts parts = rejected.assemble((values) -> values).block(Duration.ofSeconds(5));
			assertThat(parts.complete()).isFalse();
		}
		finally {
			inFlight.dispose();
		}
	}

}
