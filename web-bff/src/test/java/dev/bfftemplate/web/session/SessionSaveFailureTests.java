package dev.bfftemplate.web.session;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.test.redis.DedicatedRedis;
import dev.bfftemplate.web.testing.AnotherWebBff;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.RedisWrites;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.StandInProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.bfftemplate.web.testing.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis refusing writes (while still answering reads) after the user signed in: a request
 * that only touched its session is answered as its handler answered, an order included (a
 * 503 there would make a retrying client order twice); a request that had to store a
 * changed session (a refreshed token) gets a 503 before any command is sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionSaveFailureTests {

	private static DedicatedRedis redis;

	private static ConfigurableApplicationContext instance;

	private static RedisWrites redisControl;

	private final WireMockServer downstreams = StandInDownstreams.shared();

	private final WebTestClient client = AnotherWebBff.client(instance);

	@BeforeAll
	static void start() throws Exception {
		redis = DedicatedRedis.start();
		// Every request writes its last-access time, as Spring Session does by itself.
		// The
		// idempotency keys of orders live in the same Redis and would refuse the order
		// before its handler runs (see OrdersIdempotencyTests): not this test's subject.
		instance = AnotherWebBff.start("127.0.0.1", redis.port(),
				Map.of("bff.token-handler.session.touch-interval", "0s", "bff.idempotency.paths", "/api/not-orders"));
		redisControl = RedisWrites.of(redis.port());
	}

	@AfterAll
	static void stop() throws Exception {
		redisControl.close();
		instance.close();
		redis.close();
	}

	@AfterEach
	void acceptWritesAgain() {
		redisControl.refuseWrites(false);
	}

	@Test
	void anOrderPlacedWhileTheUnchangedSessionCannotBeStoredIsAnswered201(CapturedOutput output) {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = stubOrders(browser);
		redisControl.refuseWrites(true);
		placeOrder(browser).expectStatus().isCreated().expectHeader().location("/api/orders/o-7");
		this.downstreams.verify(1, postRequestedFor(urlPathEqualTo("/orders"))
			.withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId))));
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
		assertThat(output).contains("Could not store the last-access time of an unchanged session, answering anyway");
	}

	@Test
	void anOrderWhoseRefreshedTokenCannotBeStoredIsA503AndNeverReachesTheOrdersService() {
		// 30 s left is inside the 60 s refresh window: the order's call refreshes first.
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofSeconds(30));
		StandInProvider.shared().answerRefresh(browser.tokens(), Duration.ofMinutes(5));
		String customerId = stubOrders(browser);
		redisControl.refuseWrites(true);
		WebTestClient.ResponseSpec refused = placeOrder(browser);
		refused.expectHeader().valueEquals("Retry-After", "2");
		assertProblem(refused, 503);
		this.downstreams.verify(0, postRequestedFor(urlPathEqualTo("/orders"))
			.withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId))));
		redisControl.refuseWrites(false);
		placeOrder(browser).expectStatus().isCreated();
		this.downstreams.verify(1, postRequestedFor(urlPathEqualTo("/orders"))
			.withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId))));
	}

	private static WebTestClient.ResponseSpec placeOrder(SignedInBrowser browser) {
		return browser.fromApp(HttpMethod.POST, "/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"productId\":\"p-001\",\"quantity\":1}")
			.exchange();
	}

	private String stubOrders(SignedInBrowser browser) {
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(post("/orders").withRequestBody(matchingJsonPath("$.customerId", equalTo(customerId)))
			.willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
					{"id":"o-7","customerId":"%s","productId":"p-001","productName":"Kettle","quantity":1,
					"unitPrice":"19.99","total":"19.99","currency":"EUR","status":"placed",
					"createdAt":"2026-01-02T03:04:05Z"}""".formatted(customerId))));
		return customerId;
	}

}
