package dev.bfftemplate.edge.routing;

import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BFF that fails: its error answers pass through, a dropped connection is a problem,
 * and the breaker opens. A BFF too slow for its route timeout: {@link RouteTimeoutTests}.
 */
@EdgeGatewayTest
class UpstreamFailureTests {

	@Autowired
	WebTestClient client;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	void reset() {
		EdgeTestEnvironment.reset();
	}

	@AfterEach
	void closeBreaker() {
		this.circuitBreakers.circuitBreaker("partner-bff").reset();
	}

	@Test
	void everyRouteBreakerCountsInALockFreeWindow() {
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		callPartner().expectStatus().isOk();
		for (String route : new String[] { "web-bff", "mobile-bff", "partner-bff" }) {
			assertThat(this.circuitBreakers.circuitBreaker(route)
				.getCircuitBreakerConfig()
				.getSlidingWindowSynchronizationStrategy())
				.as("the %s breaker's window: a locking one parks an event loop when two calls end at once", route)
				.isEqualTo(SlidingWindowSynchronizationStrategy.LOCK_FREE);
		}
	}

	@Test
	void bffDroppingTheConnectionGivesAProblemWithoutInternals() {
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String body = callPartner().expectStatus()
			.is5xxServerError()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("127.0.0.1", String.valueOf(PARTNER.port()), "Exception", "at ");
	}

	@Test
	void breakerOpensAfterRepeatedFailuresAndAnswers503WithoutCallingTheBff() {
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		for (int i = 0; i < 10; i++) {
			callPartner().expectStatus().is5xxServerError();
		}
		int callsWhileClosed = PARTNER.findAll(anyRequestedFor(anyUrl())).size();
		callPartner().expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("upstream-unavailable");
		assertThat(PARTNER.findAll(anyRequestedFor(anyUrl()))).hasSize(callsWhileClosed);
	}

	@Test
	void bffErrorAnswersPassThroughUntouched() {
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(409)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\":409,\"title\":\"Conflict\"}")));
		callPartner().expectStatus().isEqualTo(409).expectBody().jsonPath("$.title").isEqualTo("Conflict");
	}

	private WebTestClient.ResponseSpec callPartner() {
		// a fresh API key each call keeps the partner rate limit out of the way
		return this.client.get().uri("/partner/v1/orders").header("X-API-Key", UUID.randomUUID().toString()).exchange();
	}

}
