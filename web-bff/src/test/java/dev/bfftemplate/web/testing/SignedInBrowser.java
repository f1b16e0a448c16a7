package dev.bfftemplate.web.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays a browser through the login dance against a running web BFF and the
 * {@link StandInProvider}, keeping the session cookie as a browser would.
 */
public final class SignedInBrowser {

	public static final String COOKIE_NAME = "__Host-bff-session";

	private final WebTestClient client;

	private final IssuedTokens tokens;

	private final String sessionId;

	private final String loginSetCookie;

	private final String preLoginSessionId;

	private SignedInBrowser(WebTestClient client, IssuedTokens tokens, String sessionId, String loginSetCookie,
			String preLoginSessionId) {
		this.client = client;
		this.tokens = tokens;
		this.sessionId = sessionId;
		this.loginSetCookie = loginSetCookie;
		this.preLoginSessionId = preLoginSessionId;
	}

	/**
	 * Signs a fresh user in, with a 5-minute access token.
	 * @param client a client of the web BFF
	 * @return the signed-in browser
	 */
	public static SignedInBrowser signIn(WebTestClient client) {
		return signIn(client, DemoUser.alice(), Duration.ofMinutes(5));
	}

	/**
	 * Signs a user in.
	 * @param client a client of the web BFF
	 * @param user the user
	 * @param accessTokenLifetime the lifetime of the access token issued at login
	 * @return the signed-in browser
	 */
	public static SignedInBrowser signIn(WebTestClient client, DemoUser user, Duration accessTokenLifetime) {
		EntityExchangeResult<Void> start = client.get()
			.uri("/bff/login?returnTo=/products/p-001")
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.isEmpty();
		String preLogin = cookieValue(start.getResponseHeaders());
		EntityExchangeResult<Void> authorize = client.get()
			.uri(start.getResponseHeaders().getLocation().toString())
			.cookie(COOKIE_NAME, preLogin)
			.exchange()
			.expectStatus()
			.isFound()
			.expectBody()
			.isEmpty();
		UriComponents authorizationRequest = UriComponentsBuilder.fromUri(authorize.getResponseHeaders().getLocation())
			.build();
		assertThat(authorizationRequest.getPath()).isEqualTo("/oauth2/authorize");
		assertThat(decoded(authorizationRequest.getQueryParams().getFirst("redirect_uri")))
			.isEqualTo(StandInProviderInitializer.PUBLIC_BASE_URL + "/login/oauth2/code/web-bff");
		assertThat(authorizationRequest.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
		String code = UUID.randomUUID().toString();
		String nonce = decoded(authorizationRequest.getQueryParams().getFirst("nonce"));
		IssuedTokens tokens = StandInProvider.shared().answerCode(code, nonce, user, accessTokenLifetime);
		String state = decoded(authorizationRequest.getQueryParams().getFirst("state"));
		EntityExchangeResult<Void> signedIn = client.get()
			.uri((uri) -> uri.path("/login/oauth2/code/web-bff")
				.queryParam("code", "{code}")
				.queryParam("state", "{state}")
				.build(code, state))
			.cookie(COOKIE_NAME, preLogin)
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location(StandInProviderInitializer.PUBLIC_BASE_URL + "/products/p-001")
			.expectBody()
			.isEmpty();
		return new SignedInBrowser(client, tokens, cookieValue(signedIn.getResponseHeaders()),
				signedIn.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE), preLogin);
	}

	private static String decoded(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String cookieValue(HttpHeaders headers) {
		String setCookie = headers.getFirst(HttpHeaders.SET_COOKIE);
		assertThat(setCookie).as("Set-Cookie").startsWith(COOKIE_NAME + "=");
		return setCookie.substring(COOKIE_NAME.length() + 1, setCookie.indexOf(';'));
	}

	/**
	 * A request from the web app's own script: session cookie and CSRF header.
	 * @param method the method
	 * @param path the path
	 * @return the request, ready to exchange
	 */
	public WebTestClient.RequestBodySpec fromApp(HttpMethod method, String path) {
		return this.client.method(method).uri(path).cookie(COOKIE_NAME, this.sessionId).header("X-CSRF", "1");
	}

	/**
	 * The same request through another client (another instance of the BFF).
	 * @param other the other client
	 * @param method the method
	 * @param path the path
	 * @return the request, ready to exchange
	 */
	public WebTestClient.RequestBodySpec fromAppVia(WebTestClient other, HttpMethod method, String path) {
		return other.method(method).uri(path).cookie(COOKIE_NAME, this.sessionId).header("X-CSRF", "1");
	}

	public IssuedTokens tokens() {
		return this.tokens;
	}

	public String sessionId() {
		return this.sessionId;
	}

	public String preLoginSessionId() {
		return this.preLoginSessionId;
	}

	/**
	 * The {@code Set-Cookie} header the browser got when login completed.
	 * @return the header value
	 */
	public String loginSetCookie() {
		return this.loginSetCookie;
	}

}
