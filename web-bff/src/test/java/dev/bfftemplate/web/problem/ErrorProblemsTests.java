package dev.bfftemplate.web.problem;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.WebBffTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.bfftemplate.web.testing.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every error status web-bff gives (503 for a session store outage is in
 * {@code RedisOutageTests}): each is a problem with the HTTP status, a {@code traceId}
 * and no internal names.
 */
@WebBffTest
class ErrorProblemsTests {

	private final WireMockServer downstreams = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Autowired
	private Downstreams dependencies;

	private SignedInBrowser browser;

	private String customerId;

	@BeforeEach
	void signIn() {
		this.browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(), Duration.ofMinutes(5));
		this.customerId = this.browser.tokens().user().customerId();
	}

	@Test
	void badJsonIs400() {
		assertProblem(order("{\"productId\":"), 400);
		assertProblem(this.client.get().uri("/bff/login?returnTo=https://evil.example/").exchange(), 400);
	}

	@Test
	void notSignedInIs401() {
		assertProblem(this.client.get().uri("/api/dashboard").header("X-CSRF", "1").exchange(), 401);
	}

	@Test
	void missingCsrfHeaderIs403() {
		assertProblem(this.client.get()
			.uri("/api/dashboard")
			.cookie(SignedInBrowser.COOKIE_NAME, this.browser.sessionId())
			.exchange(), 403);
	}

	@Test
	void unknownApiPathIsAPlain404() {
		assertProblem(this.browser.fromApp(HttpMethod.GET, "/api/no-such-screen").exchange(), 404);
		assertProblem(this.browser.fromApp(HttpMethod.GET, "/bff/no-such-thing").exchange(), 404);
	}

	@Test
	void wrongMethodIs405() {
		assertProblem(this.browser.fromApp(HttpMethod.DELETE, "/api/dashboard").exchange(), 405);
	}

	@Test
	void unacceptableMediaTypeIs406() {
		this.downstreams.stubFor(get("/customers/" + this.customerId).willReturn(okJson("{}")));
		assertProblem(
				this.browser.fromApp(HttpMethod.GET, "/api/dashboard").accept(MediaType.APPLICATION_XML).exchange(),
				406);
	}

	@Test
	void tooLargeBodyIs413() {
		String huge = "{\"productId\":\"" + "p".repeat(300 * 1024) + "\",\"quantity\":1}";
		assertProblem(order(huge), 413);
	}

	@Test
	void unsupportedContentTypeIs415() {
		assertProblem(this.browser.fromApp(HttpMethod.POST, "/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("p-001 x 1")
			.exchange(), 415);
	}

	@Test
	void ordersServiceRefusalIs422() {
		this.downstreams.stubFor(post("/orders")
			.withRequestBody(matchingJsonPath("$.customerId", equalTo(this.customerId)))
			.willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json").withBody("""
					{"title":"Invalid order","status":422,"detail":"The order is invalid","instance":"/orders"}""")));
		assertProblem(order("{\"productId\":\"p-001\",\"quantity\":99}"), 422);
	}

	@Test
	void failingOrdersServiceIs502() {
		this.downstreams
			.stubFor(post("/orders").withRequestBody(matchingJsonPath("$.customerId", equalTo(this.customerId)))
				.willReturn(aResponse().withStatus(500).withBody("db down at orders-db.internal")));
		assertProblem(order("{\"productId\":\"p-001\",\"quantity\":1}"), 502);
	}

	@Test
	void openCircuitOfARequiredDependencyIs503() {
		CircuitBreaker customers = this.dependencies.get("customers").circuitBreaker();
		customers.transitionToForcedOpenState();
		try {
			assertThat(assertProblem(this.browser.fromApp(HttpMethod.GET, "/api/dashboard").exchange(), 503))
				.containsEntry("reason", "circuit-open");
		}
		finally {
			customers.reset();
		}
	}

	@Test
	void slowRequiredDependencyIs504() {
		this.downstreams.stubFor(get("/customers/" + this.customerId).willReturn(okJson("{}").withFixedDelay(4000)));
		assertThat(assertProblem(this.browser.fromApp(HttpMethod.GET, "/api/dashboard").exchange(), 504))
			.containsEntry("reason", "timeout");
	}

	private WebTestClient.ResponseSpec order(String json) {
		return this.browser.fromApp(HttpMethod.POST, "/api/orders")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json)
			.exchange();
	}

}
