package dev.bfftemplate.web.session;

import java.util.Map;

import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.web.testing.AnotherWebBff;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebBffTest
class SharedSessionTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aSessionStartedOnOneInstanceWorksOnAnotherAndEndsOnBoth(RedisEndpoint redis) {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		// A second instance on the same Redis: also what a restarted instance sees.
		try (ConfigurableApplicationContext other = AnotherWebBff.start(redis.host(), redis.port(), Map.of())) {
			WebTestClient otherClient = AnotherWebBff.client(other);
			browser.fromAppVia(otherClient, HttpMethod.GET, "/bff/user")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("Alice Example");
			browser.fromAppVia(otherClient, HttpMethod.POST, "/bff/logout").exchange().expectStatus().isOk();
			browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isUnauthorized();
		}
	}

}
