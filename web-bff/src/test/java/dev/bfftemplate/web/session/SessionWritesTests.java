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
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that changes nothing in its session writes nothing to Redis, and the idle
 * timeout still ends a session that is no longer used. Each test has a Redis of its own,
 * so its command statistics count only this instance's commands.
 */
class SessionWritesTests {

	private static final int SIGNED_IN_REQUESTS = 20;

	/** Spring Session Data Redis' default namespace. */
	private static final String SESSION_KEY_PREFIX = "spring:session:sessions:";

	private final WireMockServer downstreams = StandInDownstreams.shared();

	@Test
	void signedInRequestsThatChangeNothingWriteNothingToRedis() throws Exception {
		try (DedicatedRedis redis = DedicatedRedis.start();
				ConfigurableApplicationContext instance = AnotherWebBff.start("127.0.0.1", redis.port(), Map.of());
				RedisWrites writes = RedisWrites.of(redis.port())) {
			WebTestClient client = AnotherWebBff.client(instance);
			writes.reset();
			SignedInBrowser browser = SignedInBrowser.signIn(client, DemoUser.withOwnCustomer(), Duration.ofMinutes(5));
			stubProfile(browser);
			assertThat(writes.sinceReset()).as("writes of the login").isNotEmpty();
			browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
			writes.reset();
			for (int i = 0; i < SIGNED_IN_REQUESTS; i++) {
				browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
				browser.fromApp(HttpMethod.GET, "/api/dashboard").exchange().expectStatus().isOk();
			}
			assertThat(writes.sinceReset()).as("Redis writes of %d signed-in GETs", 2 * SIGNED_IN_REQUESTS).isEmpty();
			browser.fromApp(HttpMethod.POST, "/bff/logout").exchange().expectStatus().isOk();
			assertThat(writes.sinceReset()).as("writes of the logout").containsKey("del");
		}
	}

	@Test
	void anActiveSessionLivesPastTheIdleTimeoutAndAnIdleOneEndsWithinIt() throws Exception {
		Duration idleTimeout = Duration.ofSeconds(4);
		Duration touchInterval = Duration.ofSeconds(1);
		try (DedicatedRedis redis = DedicatedRedis.start();
				ConfigurableApplicationContext instance = AnotherWebBff.start("127.0.0.1", redis.port(),
						Map.of("server.reactive.session.timeout", idleTimeout.toSeconds() + "s",
								"bff.token-handler.session.touch-interval", touchInterval.toSeconds() + "s"));
				RedisWrites redisView = RedisWrites.of(redis.port())) {
			WebTestClient client = AnotherWebBff.client(instance);
			SignedInBrowser browser = SignedInBrowser.signIn(client);
			// Used every 500 ms for longer than the idle timeout: the stored last-access
			// time moves (once a second), so the session stays.
			await("a session in use").pollInterval(Duration.ofMillis(500))
				.during(idleTimeout.plusSeconds(1))
				.atMost(idleTimeout.plusSeconds(3))
				.until(() -> status(browser) == 200);
			// Then left alone (watched in Redis: a request would use it): it ends, at the
			// latest the idle timeout after its last use.
			String sessionKey = SESSION_KEY_PREFIX + browser.sessionId();
			assertThat(redisView.hasKey(sessionKey)).isTrue();
			await("the idle session ended").pollInterval(Duration.ofMillis(100))
				.atMost(idleTimeout.plusSeconds(1))
				.until(() -> !redisView.hasKey(sessionKey));
			assertThat(status(browser)).isEqualTo(401);
		}
	}

	private static int status(SignedInBrowser browser) {
		return browser.fromApp(HttpMethod.GET, "/bff/user").exchange().returnResult(String.class).getStatus().value();
	}

	private void stubProfile(SignedInBrowser browser) {
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(get("/customers/" + customerId).willReturn(okJson(
				"{\"id\":\"%s\",\"name\":\"Bob\",\"email\":\"b@example.test\",\"tier\":\"gold\",\"memberSince\":\"2021-03-04\"}"
					.formatted(customerId))));
	}

}
