package dev.bfftemplate.e2e.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import dev.bfftemplate.demo.launcher.DemoStack;
import dev.bfftemplate.demo.launcher.StackApp;
import dev.bfftemplate.e2e.stack.FreePorts;
import dev.bfftemplate.e2e.tracing.OtlpTraceReceiver.ReceivedSpan;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request through the edge to a fan-out screen (partner product: catalog and pricing)
 * is one trace: every hop's spans reach an OTLP receiver with the same trace id and each
 * span's parent among them, and every hop's log lines carry the trace id.
 * <p>
 * The stack runs as the launcher runs it, with OTLP export switched on by its one
 * property. The edge samples every request; the partner BFF and the demo services sample
 * none of the traces they would start themselves, so their spans arriving proves they
 * follow the edge's decision (parent-based sampling) and that the caller's own "not
 * sampled" flag was not honoured.
 */
class OneTraceAcrossHopsTests {

	private static final String API_KEY = "demo-acme-2f8c1e9a7b4d6053";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final List<String> APPS = List.of(StackApp.EDGE, StackApp.PARTNER_BFF, StackApp.DEMO_SERVICES);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static OtlpTraceReceiver receiver;

	private static DemoStack stack;

	private static Path logs;

	@BeforeAll
	static void startStack() throws IOException {
		receiver = OtlpTraceReceiver.start();
		logs = Files.createTempDirectory("trace-e2e-logs");
		DemoStack.Builder builder = DemoStack.builder(Path.of("").toAbsolutePath().getParent())
			.only(List.of(StackApp.DEMO_SERVICES, StackApp.PARTNER_BFF, StackApp.EDGE))
			.ports(StackApp.DEMO_SERVICES, FreePorts.next(), FreePorts.next())
			.ports(StackApp.PARTNER_BFF, FreePorts.next(), FreePorts.next())
			.ports(StackApp.EDGE, FreePorts.next(), FreePorts.next())
			.logDir(logs)
			.requireAll();
		for (String app : APPS) {
			builder.arguments(app, "--management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.endpoint(),
					"--management.opentelemetry.tracing.export.schedule-delay=100ms",
					"--management.tracing.sampling.probability=" + (app.equals(StackApp.EDGE) ? "1.0" : "0.0"),
					// one log line per request, written while the request is handled
					"--logging.level.org.springframework.web.server.adapter.HttpWebHandlerAdapter=DEBUG");
		}
		// a loaded build machine and cold JVMs: first calls can take seconds
		builder.arguments(StackApp.PARTNER_BFF, "--bff.fan-out.deadline=20s", "--bff.downstreams.catalog.timeout=15s",
				"--bff.downstreams.pricing.timeout=15s", "--spring.http.serviceclient.catalog.read-timeout=15s",
				"--spring.http.serviceclient.pricing.read-timeout=15s");
		builder.arguments(StackApp.EDGE, "--edge.response-timeouts.partner-bff=25000",
				"--spring.cloud.gateway.server.webflux.httpclient.response-timeout=25s");
		stack = builder.start();
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void oneRequestThroughTheEdgeIsOneTraceAcrossEveryHop() throws Exception {
		String traceId = randomHex(16);
		String callerSpanId = randomHex(8);
		HttpResponse<String> product = http
			.send(HttpRequest.newBuilder(URI.create(stack.app(StackApp.EDGE).baseUrl() + "/partner/v1/products/p-001"))
				.header("X-API-Key", API_KEY)
				// the caller's trace continues, its "not sampled" flag does not count
				.header("traceparent", "00-" + traceId + "-" + callerSpanId + "-00")
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(product.statusCode()).as(product.body()).isEqualTo(200);

		// Each application exports its spans on its own schedule, a server span after the
		// client spans it made: wait until every span but the edge's server span finds
		// its
		// parent among the exported ones.
		Awaitility.await().atMost(WAIT).untilAsserted(() -> {
			List<ReceivedSpan> received = receiver.spans(traceId);
			assertThat(services(received))
				.containsAll(APPS.stream().map(OneTraceAcrossHopsTests::serviceName).toList());
			Set<String> receivedIds = received.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
			// the edge's server span is the only one whose parent is not exported: the
			// caller's
			assertThat(received).filteredOn((span) -> !receivedIds.contains(span.parentSpanId()))
				.singleElement()
				.satisfies((root) -> {
					assertThat(root.service()).isEqualTo("edge-gateway");
					assertThat(root.parentSpanId()).isEqualTo(callerSpanId);
				});
		});
		List<ReceivedSpan> spans = receiver.spans(traceId);
		// edge → partner-bff → catalog and pricing: at least a server and a client span
		// per hop
		assertThat(spans).filteredOn((span) -> span.service().equals("demo-services")).hasSizeGreaterThanOrEqualTo(2);

		for (String app : APPS) {
			Awaitility.await()
				.atMost(WAIT)
				.untilAsserted(() -> assertThat(log(app)).as("log lines of %s", app).contains(traceId));
		}
	}

	private static HttpResponse<String> product(String traceparent) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(stack.app(StackApp.EDGE).baseUrl() + "/partner/v1/products/p-001"))
			.header("X-API-Key", API_KEY)
			.timeout(Duration.ofSeconds(30));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Set<String> services(List<ReceivedSpan> spans) {
		return spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
	}

	private static String serviceName(String app) {
		// spring.application.name of each application
		return app;
	}

	private static String log(String app) {
		try {
			return Files.readString(logs.resolve(app + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
