package dev.bfftemplate.web.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bfftemplate.test.redis.DedicatedRedis;
import dev.bfftemplate.web.testing.AnotherWebBff;
import dev.bfftemplate.web.testing.SignedInBrowser;
import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.bfftemplate.web.testing.ProblemAnswers.assertProblem;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped under a signed-in user, then started again: a fast 503 problem with
 * {@code Retry-After} while it is down (never a hang, a 500, or the user treated as
 * signed out), and the same session served again soon after it is back.
 */
class RedisOutageTests {

	/**
	 * Reconnect attempts to wait for while Redis is down: Lettuce's default back-off
	 * would by then wait about 8 s before the next one, the capped one 500 ms.
	 */
	private static final int RECONNECT_ATTEMPTS_OF_A_LONGER_OUTAGE = 13;

	@Test
	void whileRedisIsDownRequestsGetA503AtOnceAndTheSameSessionIsServedSoonAfterItIsBack() throws Exception {
		try (DedicatedRedis redis = DedicatedRedis.start();
				ConfigurableApplicationContext instance = AnotherWebBff.start("127.0.0.1", redis.port(), Map.of())) {
			WebTestClient client = AnotherWebBff.client(instance);
			SignedInBrowser browser = SignedInBrowser.signIn(client);
			browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
			AtomicInteger reconnectAttempts = new AtomicInteger();
			Disposable reconnects = instance.getBean(ClientResources.class)
				.eventBus()
				.get()
				.ofType(ReconnectAttemptEvent.class)
				.subscribe((attempt) -> reconnectAttempts.accumulateAndGet(attempt.getAttempt(), Math::max));
			try {
				redis.stop();
				for (String path : new String[] { "/bff/user", "/api/dashboard" }) {
					WebTestClient.ResponseSpec answer = browser.fromApp(HttpMethod.GET, path).exchange();
					answer.expectHeader().valueEquals("Retry-After", "2");
					assertProblem(answer, 503);
				}
				// A page navigation is not sent to login as if signed out.
				assertProblem(client.get()
					.uri("/products/p-001")
					.cookie(SignedInBrowser.COOKIE_NAME, browser.sessionId())
					.exchange(), 503);
				await("Lettuce's reconnect attempts while Redis is down").atMost(Duration.ofSeconds(30))
					.until(() -> reconnectAttempts.get() >= RECONNECT_ATTEMPTS_OF_A_LONGER_OUTAGE);
				redis.restart();
				await("the same session served again after Redis is back").atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> browser.fromApp(HttpMethod.GET, "/bff/user")
						.exchange()
						.expectStatus()
						.isOk()
						.expectBody()
						.jsonPath("$.name")
						.isEqualTo("Alice Example"));
			}
			finally {
				reconnects.dispose();
			}
		}
	}

}
