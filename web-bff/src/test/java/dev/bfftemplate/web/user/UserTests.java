package dev.bfftemplate.web.user;

import java.time.Duration;

import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class UserTests {

	@Autowired
	private WebTestClient client;

	@Test
	void userGetsTheClaimsTheAppNeedsAndNoToken() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		browser.fromApp(HttpMethod.GET, "/bff/user")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Alice Example")
			.jsonPath("$.email")
			.isEqualTo("alice@example.test")
			.jsonPath("$.customerId")
			.isEqualTo("c-001")
			.jsonPath("$.logoutUrl")
			.isEqualTo("/bff/logout")
			.jsonPath("$.sessionExpiresInSeconds")
			.value((Integer seconds) -> assertThat(seconds).isBetween(1700, 1800));
		String text = new String(browser.fromApp(HttpMethod.GET, "/bff/user")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBodyContent());
		assertThat(text).doesNotContain(browser.tokens().accessToken())
			.doesNotContain(browser.tokens().refreshToken())
			.doesNotContain(browser.tokens().idToken());
	}

	@Test
	void theCustomerIdComesFromTheValidatedAccessTokenWhenTheIdTokenLacksIt() {
		DemoUser user = DemoUser.withCustomerInAccessTokenOnly();
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, user, Duration.ofMinutes(5));
		browser.fromApp(HttpMethod.GET, "/bff/user")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customerId")
			.isEqualTo(user.customerId());
	}

	@Test
	void anonymousUserGets401Problem() {
		this.client.get()
			.uri("/bff/user")
			.header("X-CSRF", "1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
