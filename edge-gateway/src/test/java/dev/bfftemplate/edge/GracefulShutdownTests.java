package dev.bfftemplate.edge;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Closing the gateway while a request is in flight: readiness turns to refusing traffic,
 * new connections are refused, and the in-flight request still completes.
 */
class GracefulShutdownTests {

	private static final Duration UPSTREAM_DELAY = Duration.ofSeconds(6);

	@Test
	void inFlightRequestCompletesWhileNewConnectionsAreRefused() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(get("/api/slow")
			.willReturn(aResponse().withStatus(200).withBody("done").withFixedDelay((int) UPSTREAM_DELAY.toMillis())));
		ConfigurableApplicationContext gateway = StandaloneGateway.start("edge.response-timeouts.web-bff=20000");
		int port = StandaloneGateway.port(gateway);
		ApplicationAvailability availability = gateway.getBean(ApplicationAvailability.class);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		CompletableFuture<HttpResponse<String>> inFlight = client
			.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/slow"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> WEB.verify(1, getRequestedFor(urlEqualTo("/api/slow"))));

		CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(port)));
		assertThat(inFlight).as("still in flight when new connections are refused").isNotDone();
		assertThat(inFlight.join()).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("done");
		});
		closing.join();
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
	}

}
