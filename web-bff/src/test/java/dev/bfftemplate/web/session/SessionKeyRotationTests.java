package dev.bfftemplate.web.session;

import java.util.Map;

import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.web.testing.AnotherWebBff;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInProviderInitializer;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.bfftemplate.web.testing.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the session encryption key across instances that share one Redis: this test's
 * own instance has the old key only ({@code k1}, from StandInProviderInitializer), the
 * other one the new key first and the old one after ({@code [k2, k1]}).
 */
@WebBffTest
class SessionKeyRotationTests {

	private static final String K1 = (String) StandInProviderInitializer.properties()
		.get("web-bff.session.encryption-key");

	private static final String K2 = "a2V5LXR3by1mb3ItdGhlLXJvdGF0aW9uLXRlc3QtISE=";

	@Autowired
	private WebTestClient oldKeyOnly;

	@Test
	void anInstanceWithTheNewKeyFirstReadsSessionsWrittenWithTheOldOneSoNobodyIsLoggedOut(RedisEndpoint redis) {
		SignedInBrowser browser = SignedInBrowser.signIn(this.oldKeyOnly);
		try (ConfigurableApplicationContext rotated = startRotated(redis)) {
			browser.fromAppVia(AnotherWebBff.client(rotated), HttpMethod.GET, "/bff/user")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("Alice Example");
		}
	}

	@Test
	void aSessionWrittenWithTheNewKeyIsNoSessionForAnInstanceWithoutIt(RedisEndpoint redis) {
		try (ConfigurableApplicationContext rotated = startRotated(redis)) {
			WebTestClient newKeyFirst = AnotherWebBff.client(rotated);
			SignedInBrowser browser = SignedInBrowser.signIn(newKeyFirst);
			WebTestClient.ResponseSpec refused = browser.fromAppVia(this.oldKeyOnly, HttpMethod.GET, "/bff/user")
				.exchange();
			refused.expectHeader()
				.value(HttpHeaders.SET_COOKIE,
						(cookie) -> assertThat(cookie).startsWith(SignedInBrowser.COOKIE_NAME + "=;")
							.contains("Max-Age=0"));
			assertProblem(refused, 401);
			// A page: sent to login, not a 500.
			this.oldKeyOnly.get()
				.uri("/products/p-001")
				.cookie(SignedInBrowser.COOKIE_NAME, browser.sessionId())
				.exchange()
				.expectStatus()
				.isFound()
				.expectHeader()
				.location("/bff/login?returnTo=/products/p-001");
			// Still signed in where the key is known: the unreadable session was left
			// alone.
			browser.fromAppVia(newKeyFirst, HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
		}
	}

	private static ConfigurableApplicationContext startRotated(RedisEndpoint redis) {
		return AnotherWebBff.start(redis.host(), redis.port(), Map.of("web-bff.session.encryption-key", "",
				"bff.token-handler.session.encryption-keys", K2 + "," + K1));
	}

}
