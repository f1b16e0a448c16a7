package dev.bfftemplate.web.login;

import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class LoginTests {

	@Autowired
	private WebTestClient client;

	@Test
	void loginUsesAuthorizationCodeWithPkceAndReturnsToTheAskedPath() {
		// SignedInBrowser asserts code_challenge_method=S256 and the final redirect.
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
	}

	@Test
	void sessionCookieIsHostPrefixedSecureHttpOnlyLaxAndHasNoDomain() {
		String setCookie = SignedInBrowser.signIn(this.client).loginSetCookie();
		assertThat(setCookie).startsWith("__Host-bff-session=")
			.contains("; Path=/")
			.contains("; Secure")
			.containsIgnoringCase("; HttpOnly")
			.contains("; SameSite=Lax")
			.doesNotContainIgnoringCase("Domain=");
	}

	@Test
	void loginRotatesTheSessionIdAndThePreLoginIdIsWorthless() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		assertThat(browser.sessionId()).isNotEqualTo(browser.preLoginSessionId());
		this.client.get()
			.uri("/bff/user")
			.cookie(SignedInBrowser.COOKIE_NAME, browser.preLoginSessionId())
			.header("X-CSRF", "1")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example/x", "/\\evil.example", "evil",
			"/%2F%2Fevil.example", "javascript:alert(1)", "/ok\r\nSet-Cookie:x=y" })
	void loginRefusesAReturnToThatIsNotAPathOnThisSite(String returnTo) {
		this.client.get()
			.uri((uri) -> uri.path("/bff/login").queryParam("returnTo", "{returnTo}").build(returnTo))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("Location");
	}

	@Test
	void anonymousApiCallGetsA401ProblemNotARedirect() {
		this.client.get()
			.uri("/api/dashboard")
			.header("X-CSRF", "1")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("Location");
	}

	@Test
	void anonymousPageNavigationIsSentToLogin() {
		this.client.get()
			.uri("/account")
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/bff/login?returnTo=/account");
	}

	@Test
	void theAppPageIsPublicAndServedWithAStrictContentSecurityPolicy() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueMatches("Content-Security-Policy", ".*script-src 'self'.*frame-ancestors 'none'.*")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
		this.client.get().uri("/app/app.js").exchange().expectStatus().isOk();
	}

}
