package dev.bfftemplate.edge.tracing;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

@EdgeGatewayTest
class TraceContextTests {

	private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final String W3C_TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void stubWebBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "from-bff")));
	}

	@Test
	void traceIsStartedWhenNoneComesIn() {
		this.client.get().uri("/api/dashboard").exchange().expectStatus().isOk();
		assertThat(forwarded().getHeader("traceparent")).matches(W3C_TRACEPARENT);
	}

	@Test
	void validIncomingTraceIsContinued() {
		this.client.get()
			.uri("/api/dashboard")
			.header("traceparent", VALID)
			.header("tracestate", "vendor=1")
			.exchange()
			.expectStatus()
			.isOk();
		LoggedRequest forwarded = forwarded();
		String traceparent = forwarded.getHeader("traceparent");
		assertThat(traceparent).matches(W3C_TRACEPARENT).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
		assertThat(traceparent).isNotEqualTo(VALID);
		assertThat(forwarded.getHeader("tracestate")).isEqualTo("vendor=1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", "00-4bf92f3577b34da6-00f067aa0ba902b7-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "garbage" })
	void invalidIncomingTraceIsIgnoredAndANewOneStarted(String invalid) {
		this.client.get()
			.uri("/api/dashboard")
			.header("traceparent", invalid)
			.header("tracestate", "vendor=1")
			.exchange()
			.expectStatus()
			.isOk();
		LoggedRequest forwarded = forwarded();
		assertThat(forwarded.getHeader("traceparent")).matches(W3C_TRACEPARENT)
			.doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(forwarded.containsHeader("tracestate")).isFalse();
	}

	@Test
	void unsampledFlagFromTheCallerIsNotHonoured() {
		// the tests sample every request (EdgeGatewayTest); EdgeSamplerTests covers the
		// other way round
		this.client.get()
			.uri("/api/dashboard")
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(forwarded().getHeader("traceparent")).endsWith("-01");
	}

	@Test
	void requestIdIsSentUpstreamAndReturnedOnce() {
		List<String> returned = this.client.get()
			.uri("/api/dashboard")
			.header("X-Request-Id", "chosen-by-client")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Void.class)
			.getResponseHeaders()
			.get("X-Request-Id");
		String upstream = forwarded().getHeader("X-Request-Id");
		assertThat(upstream).isNotEqualTo("chosen-by-client").hasSize(36);
		assertThat(returned).containsExactly(upstream);
	}

	@Test
	void requestIdIsReturnedOnErrorsToo() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.traceId")
			.isNotEmpty();
	}

	@Test
	void theEdgesOwnProblemsCarryTheContinuedTraceId() {
		this.client.get()
			.uri("/actuator/health")
			.header("traceparent", VALID)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.traceId")
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void spansAreNotExportedUnlessAnOtlpEndpointIsConfigured() {
		assertThat(this.context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(OtlpGrpcSpanExporter.class)).isEmpty();
	}

	private LoggedRequest forwarded() {
		List<LoggedRequest> requests = WEB.findAll(getRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
