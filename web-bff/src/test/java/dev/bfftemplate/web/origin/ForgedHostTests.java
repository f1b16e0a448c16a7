package dev.bfftemplate.web.origin;

import java.util.Map;
import java.util.stream.Stream;

import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInProviderInitializer;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that lies about where it is going (a forged {@code Host}, or
 * {@code X-Forwarded-*} and {@code Forwarded} headers that no trusted proxy set) changes
 * no URL web-bff hands out: the OAuth2 redirect URI, the return after login and the
 * post-logout redirect URI all name the configured public origin.
 */
@WebBffTest
class ForgedHostTests {

	private static final String PUBLIC = StandInProviderInitializer.PUBLIC_BASE_URL;

	@Autowired
	private WebTestClient client;

	static Stream<Arguments> forgedHeaders() {
		return Stream.of(Arguments.of(Map.of("Host", "evil.example")),
				Arguments.of(Map.of("Host", "evil.example:8443")),
				Arguments.of(Map.of("X-Forwarded-Host", "evil.example")),
				Arguments.of(Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
						"X-Forwarded-Port", "6666")),
				Arguments.of(Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Port", "6666")),
				Arguments.of(Map.of("Forwarded", "host=evil.example;proto=https")));
	}

	@ParameterizedTest
	@MethodSource("forgedHeaders")
	void everyUrlWebBffHandsOutNamesTheConfiguredOrigin(Map<String, String> forged) {
		WebTestClient lying = this.client.mutate().defaultHeaders((headers) -> forged.forEach(headers::set)).build();
		// signIn asserts redirect_uri and the return after login against PUBLIC.
		SignedInBrowser browser = SignedInBrowser.signIn(lying);
		browser.fromApp(HttpMethod.POST, "/bff/logout")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.redirectTo")
			.value((String redirectTo) -> assertThat(redirectTo).contains("post_logout_redirect_uri=" + PUBLIC + "/&")
				.doesNotContain("evil")
				.doesNotContain("6666"));
	}

}
