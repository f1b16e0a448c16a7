package dev.bfftemplate.edge.routing;

import java.io.IOException;
import java.util.UUID;

import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.RawHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static dev.bfftemplate.edge.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BFF slower than its route's response timeout: the edge answers a 504 problem. The
 * partner route's timeout is 1 s in this context of its own: in the shared one, where no
 * test is about timeouts, a 1 s timeout raced a loaded build machine and turned expected
 * answers into 504s. Here the BFF answers 3 s late whatever the load, so only the timeout
 * decides.
 */
@EdgeGatewayTest
@TestPropertySource(properties = "edge.response-timeouts.partner-bff=1000")
class RouteTimeoutTests {

	private static final int BFF_DELAY_MILLIS = 3000;

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	void slowPartnerBff() {
		EdgeTestEnvironment.reset();
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(BFF_DELAY_MILLIS)));
	}

	@AfterEach
	void closeBreaker() {
		this.circuitBreakers.circuitBreaker("partner-bff").reset();
	}

	@Test
	void slowBffGives504ProblemAfterTheRouteTimeout() throws IOException {
		// a fresh API key keeps the partner rate limit out of the way
		String response = RawHttp.send(this.port,
				"GET /partner/v1/orders HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + UUID.randomUUID() + "\r\n\r\n");
		JsonNode problem = assertProblem(response, 504);
		assertThat(problem.get("code").asString()).isEqualTo("upstream-timeout");
	}

}
