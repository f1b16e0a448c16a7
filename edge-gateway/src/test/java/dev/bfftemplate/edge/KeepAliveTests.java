package dev.bfftemplate.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept-alive connections after error answers: every request is answered. Reactor Netty
 * before 1.3.8 sometimes never read a request that came on a kept-alive connection after
 * an error response (bench/keepalive: 0.3-1 % of such requests).
 */
@EdgeGatewayTest
class KeepAliveTests {

	private static final int ROUNDS = 100;

	// every answer here takes milliseconds; a request that hung is never answered
	private static final Duration UNANSWERED_AFTER = EdgeTestEnvironment.ANSWER_TIMEOUT;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@BeforeEach
	void stubBffs() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("web")));
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("partner")));
	}

	@Test
	void everyRequestOnAKeptAliveConnectionIsAnsweredAfterErrorAnswers() throws Exception {
		// one pooled HTTP/1.1 client: requests reuse its connections, as browsers and
		// load
		// balancers do
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String partnerKey = UUID.randomUUID().toString();
		List<HttpRequest> round = List.of(get(this.port, "/actuator/health"), get(this.port, "/mobile/v1/home"),
				get(this.port, "/api/dashboard"),
				request(this.port, "/api/dashboard").method("TRACE", noBody()).build(),
				get(this.port, "/api/%2e%2e/actuator"),
				request(this.port, "/partner/v1/products").header("X-API-Key", partnerKey).build(),
				get(this.managementPort, "/actuator/health"), get(this.managementPort, "/actuator/prometheus"),
				get(this.managementPort, "/actuator/env"), get(this.managementPort, "/actuator/beans"),
				get(this.port, "/api/dashboard"));
		List<String> unanswered = new ArrayList<>();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			for (HttpRequest request : round) {
				try {
					statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
				}
				catch (HttpTimeoutException ex) {
					unanswered.add("round " + i + ": " + request.method() + " " + request.uri());
				}
			}
		}
		assertThat(unanswered).as("requests unanswered after %d s", UNANSWERED_AFTER.toSeconds()).isEmpty();
		assertThat(statuses).hasSize(ROUNDS * round.size()).contains(200, 400, 401, 404, 405, 429);
	}

	private static HttpRequest get(int port, String path) {
		return request(port, path).build();
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(UNANSWERED_AFTER);
	}

	private static HttpRequest.BodyPublisher noBody() {
		return HttpRequest.BodyPublishers.noBody();
	}

}
