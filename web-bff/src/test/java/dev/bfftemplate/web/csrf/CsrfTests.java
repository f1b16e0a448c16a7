package dev.bfftemplate.web.csrf;

import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class CsrfTests {

	@Autowired
	private WebTestClient client;

	@ParameterizedTest
	@CsvSource({ "POST, /bff/logout", "POST, /api/orders", "GET, /api/dashboard", "GET, /api/product-page/p-001",
			"GET, /bff/user", "PUT, /api/orders/o-1", "DELETE, /api/anything/else", "PATCH, /bff/unknown",
			"POST, /api/not/yet/written" })
	void signedInRequestWithoutTheHeaderIsRefusedAsCrossSite(HttpMethod method, String path) {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		// What a cross-site form or fetch without CORS can send: the cookie, not the
		// header.
		this.client.method(method)
			.uri(path)
			.cookie(SignedInBrowser.COOKIE_NAME, browser.sessionId())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/csrf-header-missing")
			.jsonPath("$.traceId")
			.value((String traceId) -> assertThat(traceId).matches("[0-9a-f]{32}"));
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isOk();
	}

	@ParameterizedTest
	@CsvSource({ "POST, /bff/logout", "GET, /bff/user" })
	void aWrongHeaderValueIsRefusedToo(HttpMethod method, String path) {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		this.client.method(method)
			.uri(path)
			.cookie(SignedInBrowser.COOKIE_NAME, browser.sessionId())
			.header("X-CSRF", "0")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
