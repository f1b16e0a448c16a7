package dev.bfftemplate.starter.downstream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The W3C trace context of the incoming request reaches every downstream call, and the
 * problem of a failed request carries its trace id.
 */
@SampleBffTest
class TracePropagationTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
	}

	@Test
	void everyDownstreamCallContinuesTheCallersTrace() {
		this.downstreams.stubFor(get(urlPathMatching("/(catalog|inventory|reviews)/items/tr1"))
			.willReturn(okJson("{\"id\":\"tr1\",\"name\":\"Lamp\"}")));
		this.client.get().uri("/products/tr1").header("traceparent", TRACEPARENT).exchange().expectStatus().isOk();
		this.downstreams.verify(3, getRequestedFor(urlPathMatching("/(catalog|inventory|reviews)/items/tr1"))
			.withHeader("traceparent", matching("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]")));
	}

	@Test
	void problemCarriesTheTraceId() {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/tr2")).willReturn(aResponse().withStatus(500)));
		this.client.get()
			.uri("/products/tr2")
			.header("traceparent", TRACEPARENT)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.traceId")
			.isEqualTo(TRACE_ID);
	}

}
