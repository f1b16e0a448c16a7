package dev.bfftemplate.web.logout;

import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInProvider;
import dev.bfftemplate.web.testing.StandInProviderInitializer;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@WebBffTest
class LogoutTests {

	@Autowired
	private WebTestClient client;

	@Test
	void logoutEndsTheSessionRevokesTheRefreshTokenAndSendsTheBrowserToTheProvider() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String issuer = StandInProvider.shared().issuerUri();
		browser.fromApp(HttpMethod.POST, "/bff/logout")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.redirectTo")
			.value((String redirectTo) -> assertThat(redirectTo).startsWith(issuer + "/connect/logout?")
				.contains("client_id=web-bff")
				.contains("post_logout_redirect_uri=" + StandInProviderInitializer.PUBLIC_BASE_URL + "/&")
				.doesNotContain(browser.tokens().accessToken())
				.doesNotContain(browser.tokens().refreshToken()));
		assertThat(StandInProvider.shared().revocations(browser.tokens())).isEqualTo(1);
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void backChannelLogoutWithASignedLogoutTokenEndsTheSessionWithoutACsrfHeader() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String logoutToken = StandInProvider.shared().logoutToken(browser.tokens()).build();
		this.client.post().uri("/bff/backchannel-logout").bodyValue(form(logoutToken)).exchange().expectStatus().isOk();
		await().untilAsserted(
				() -> browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isUnauthorized());
	}

	@Test
	void backChannelLogoutBySubjectEndsEverySessionOfTheUser() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String logoutToken = StandInProvider.shared().logoutToken(browser.tokens()).claim("sid", null).build();
		this.client.post().uri("/bff/backchannel-logout").bodyValue(form(logoutToken)).exchange().expectStatus().isOk();
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void backChannelLogoutRefusesTokensThatAreNotValidLogoutTokens() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		StandInProvider provider = StandInProvider.shared();
		refused(provider.logoutToken(browser.tokens()).signedByStranger().build());
		refused(provider.logoutToken(browser.tokens()).audience("another-client").build());
		refused(provider.logoutToken(browser.tokens()).issuer("http://127.0.0.1:1").build());
		refused(provider.logoutToken(browser.tokens()).claim("events", null).build());
		refused(provider.logoutToken(browser.tokens()).claim("nonce", "n").build());
		refused(provider.logoutToken(browser.tokens()).unsigned().build());
		refused(browser.tokens().idToken());
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
	}

	private void refused(String logoutToken) {
		this.client.post()
			.uri("/bff/backchannel-logout")
			.bodyValue(form(logoutToken))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json");
	}

	private static MultiValueMap<String, String> form(String logoutToken) {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("logout_token", logoutToken);
		return form;
	}

}
