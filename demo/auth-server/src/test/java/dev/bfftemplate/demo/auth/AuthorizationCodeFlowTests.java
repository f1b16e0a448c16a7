package dev.bfftemplate.demo.auth;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

// A loopback address as the web app's origin: Spring Authorization Server's own rule would
// accept any port there.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "demo.auth.web-app-url=" + AuthorizationCodeFlowTests.WEB_APP)
@Import(RequestIssuerConfiguration.class)
class AuthorizationCodeFlowTests {

	static final String WEB_APP = "http://127.0.0.1:8081";

	private static final String WEB_BFF_REDIRECT_URI = WEB_APP + "/login/oauth2/code/web-bff";

	private static final String MOBILE_REDIRECT_URI = "dev.bfftemplate.mobile:/callback";

	@LocalServerPort
	private int port;

	private OidcTestClient browser;

	@BeforeEach
	void createClient() {
		this.browser = new OidcTestClient(this.port);
	}

	@Test
	void webBffLogsAliceInWithPkceAndRefreshesHerAccessToken() {
		Pkce pkce = Pkce.create();
		Map<String, String> redirect = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice",
				"alice-password");
		assertThat(redirect).containsEntry("state", "state-1").containsKey("code");

		Map<String, Object> tokens = exchangeWebBffCode(redirect.get("code"), pkce.verifier());
		assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token");

		Jwt accessToken = this.browser.jwtDecoder("bff-api").decode((String) tokens.get("access_token"));
		assertThat(accessToken.getSubject()).isEqualTo("alice");
		assertThat(accessToken.getAudience()).containsExactly("web-bff", "bff-api");
		assertThat(accessToken.getClaims()).containsEntry("name", "Alice Anders")
			.containsEntry("email", "alice@example.test")
			.containsEntry("customer_id", "c-001");
		assertThat(accessToken.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile", "email");

		Jwt idToken = this.browser.jwtDecoder("web-bff").decode((String) tokens.get("id_token"));
		assertThat(idToken.getSubject()).isEqualTo("alice");
		assertThat(idToken.getClaims()).containsEntry("name", "Alice Anders")
			.containsEntry("email", "alice@example.test")
			.containsEntry("nonce", "nonce-1")
			.containsKey("sid");

		HttpResponse<String> refreshed = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")), "web-bff",
				"web-bff-secret");
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(HttpStatus.OK.value());
		Map<String, Object> refreshedTokens = OidcTestClient.json(refreshed);
		assertThat(refreshedTokens.get("access_token")).isNotEqualTo(tokens.get("access_token"));
		assertThat(refreshedTokens.get("refresh_token")).as("refresh tokens rotate")
			.isNotEqualTo(tokens.get("refresh_token"));
		Jwt refreshedAccessToken = this.browser.jwtDecoder("bff-api")
			.decode((String) refreshedTokens.get("access_token"));
		assertThat(refreshedAccessToken.getSubject()).isEqualTo("alice");
		assertThat(refreshedAccessToken.getClaims()).containsEntry("customer_id", "c-001");
	}

	@Test
	void bobsTokenCarriesHisOwnClaims() {
		Pkce pkce = Pkce.create();
		Map<String, String> redirect = this.browser.authorize(webBffAuthorizationRequest(pkce), "bob", "bob-password");
		Map<String, Object> tokens = exchangeWebBffCode(redirect.get("code"), pkce.verifier());
		Jwt accessToken = this.browser.jwtDecoder("bff-api").decode((String) tokens.get("access_token"));
		assertThat(accessToken.getClaims()).containsEntry("sub", "bob")
			.containsEntry("name", "Bob Berg")
			.containsEntry("customer_id", "c-002");
	}

	@Test
	void idTokenCarriesProfileAndEmailOnlyForThoseScopes() {
		Pkce pkce = Pkce.create();
		Map<String, String> request = webBffAuthorizationRequest(pkce);
		request.put("scope", "openid");
		String code = this.browser.authorize(request, "alice", "alice-password").get("code");
		Map<String, Object> tokens = exchangeWebBffCode(code, pkce.verifier());
		Jwt idToken = this.browser.jwtDecoder("web-bff").decode((String) tokens.get("id_token"));
		assertThat(idToken.getSubject()).isEqualTo("alice");
		assertThat(idToken.getClaims()).doesNotContainKeys("name", "email", "customer_id");
	}

	@Test
	void userInfoAnswersForTheAccessToken() {
		Pkce pkce = Pkce.create();
		String code = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice", "alice-password").get("code");
		String accessToken = (String) exchangeWebBffCode(code, pkce.verifier()).get("access_token");
		HttpResponse<String> userInfo = this.browser.getWithBearer("/userinfo", accessToken);
		assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(HttpStatus.OK.value());
		assertThat(OidcTestClient.json(userInfo)).containsEntry("sub", "alice")
			.containsEntry("name", "Alice Anders")
			.containsEntry("email", "alice@example.test");
		assertThat(this.browser.getWithBearer("/userinfo", "not-a-token").statusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED.value());
	}

	@Test
	void webBffRedirectUriMustBeTheRegisteredOneExactly() {
		for (String other : List.of("http://127.0.0.1:8082/login/oauth2/code/web-bff",
				"http://127.0.0.1/login/oauth2/code/web-bff", "http://localhost:8081/login/oauth2/code/web-bff",
				"http://[::1]:8081/login/oauth2/code/web-bff", WEB_APP + "/login/oauth2/code/web-bff/",
				WEB_APP + "/login/oauth2/code/other", "http://evil.example/login/oauth2/code/web-bff")) {
			Map<String, String> request = webBffAuthorizationRequest(Pkce.create());
			request.put("redirect_uri", other);
			HttpResponse<String> response = this.browser.get("/oauth2/authorize?" + OidcTestClient.formEncode(request),
					MediaType.TEXT_HTML);
			assertThat(response.statusCode()).as(other).isEqualTo(HttpStatus.BAD_REQUEST.value());
			assertThat(response.headers().firstValue("Location")).as(other).isEmpty();
		}
		assertThat(this.browser.startAuthorization(webBffAuthorizationRequest(Pkce.create())).getPath())
			.as("the registered one")
			.isEqualTo("/login");
	}

	@Test
	void mobileAppKeepsTheNativeAppRuleOfAnyPortOnLoopback() {
		Map<String, String> request = webBffAuthorizationRequest(Pkce.create());
		request.put("client_id", "mobile-app");
		request.put("redirect_uri", "http://127.0.0.1:49152/callback");
		assertThat(this.browser.startAuthorization(request).getPath()).isEqualTo("/login");
	}

	@Test
	void postLogoutRedirectUriMustBeTheRegisteredOneExactly() {
		Pkce pkce = Pkce.create();
		String code = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice", "alice-password").get("code");
		String idToken = (String) exchangeWebBffCode(code, pkce.verifier()).get("id_token");
		HttpResponse<String> response = this.browser.get(
				"/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=http://127.0.0.1:8082/",
				MediaType.TEXT_HTML);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void codeExchangeWithoutTheCodeVerifierFails() {
		Pkce pkce = Pkce.create();
		String code = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice", "alice-password").get("code");
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", WEB_BFF_REDIRECT_URI),
				"web-bff", "web-bff-secret");
		assertThat(response.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(OidcTestClient.json(response)).containsEntry("error", "invalid_grant")
			.doesNotContainKey("access_token");
	}

	@Test
	void codeExchangeWithAnotherVerifierFails() {
		String code = this.browser.authorize(webBffAuthorizationRequest(Pkce.create()), "alice", "alice-password")
			.get("code");
		HttpResponse<String> response = this.browser
			.postForm(
					"/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
							WEB_BFF_REDIRECT_URI, "code_verifier", Pkce.create().verifier()),
					"web-bff", "web-bff-secret");
		assertThat(response.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(OidcTestClient.json(response)).containsEntry("error", "invalid_grant");
	}

	@Test
	void authorizationRequestWithoutPkceIsRefused() {
		Map<String, String> request = webBffAuthorizationRequest(Pkce.create());
		request.remove("code_challenge");
		request.remove("code_challenge_method");
		Map<String, String> redirect = this.browser.authorize(request, "alice", "alice-password");
		assertThat(redirect).containsEntry("error", "invalid_request").doesNotContainKey("code");
	}

	@Test
	void wrongClientSecretIsRefusedAtCodeExchange() {
		Pkce pkce = Pkce.create();
		String code = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice", "alice-password").get("code");
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", WEB_BFF_REDIRECT_URI,
						"code_verifier", pkce.verifier()),
				"web-bff", "not-the-secret");
		assertThat(response.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED.value());
		assertThat(OidcTestClient.json(response)).containsEntry("error", "invalid_client");
	}

	@Test
	void wrongPasswordKeepsTheUserOnTheLoginPage() {
		URI login = this.browser.startAuthorization(webBffAuthorizationRequest(Pkce.create()));
		assertThat(login.getPath()).isEqualTo("/login");
		URI afterWrongPassword = this.browser.login("alice", "wrong-password");
		assertThat(afterWrongPassword.getPath()).isEqualTo("/login");
		assertThat(afterWrongPassword.getQuery()).isEqualTo("error");
	}

	@Test
	void mobileAppIsAPublicClientThatGetsNoRefreshToken() {
		Pkce pkce = Pkce.create();
		Map<String, String> request = new LinkedHashMap<>(webBffAuthorizationRequest(pkce));
		request.put("client_id", "mobile-app");
		request.put("redirect_uri", MOBILE_REDIRECT_URI);
		String code = this.browser.authorize(request, "alice", "alice-password").get("code");

		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "authorization_code", "client_id", "mobile-app", "code", code, "redirect_uri",
						MOBILE_REDIRECT_URI, "code_verifier", pkce.verifier()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(HttpStatus.OK.value());
		Map<String, Object> tokens = OidcTestClient.json(response);
		assertThat(tokens).containsKeys("access_token", "id_token").doesNotContainKey("refresh_token");
		Jwt accessToken = this.browser.jwtDecoder("mobile-bff").decode((String) tokens.get("access_token"));
		assertThat(accessToken.getAudience()).containsExactly("mobile-app", "mobile-bff");
		assertThat(accessToken.getClaims()).containsEntry("customer_id", "c-001");
	}

	@Test
	void revokedRefreshTokenNoLongerRefreshes() {
		Pkce pkce = Pkce.create();
		String code = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice", "alice-password").get("code");
		String refreshToken = (String) exchangeWebBffCode(code, pkce.verifier()).get("refresh_token");

		HttpResponse<String> revocation = this.browser.postForm("/oauth2/revoke",
				Map.of("token", refreshToken, "token_type_hint", "refresh_token"), "web-bff", "web-bff-secret");
		assertThat(revocation.statusCode()).isEqualTo(HttpStatus.OK.value());

		HttpResponse<String> refresh = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), "web-bff", "web-bff-secret");
		assertThat(refresh.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(OidcTestClient.json(refresh)).containsEntry("error", "invalid_grant");
	}

	@Test
	void rpInitiatedLogoutRedirectsToTheRegisteredPostLogoutUri() {
		Pkce pkce = Pkce.create();
		String code = this.browser.authorize(webBffAuthorizationRequest(pkce), "alice", "alice-password").get("code");
		String idToken = (String) exchangeWebBffCode(code, pkce.verifier()).get("id_token");

		URI afterLogout = OidcTestClient.redirectOf(this.browser.get(
				"/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=" + WEB_APP + "/&state=bye",
				MediaType.TEXT_HTML));
		assertThat(afterLogout).hasToString(WEB_APP + "/?state=bye");

		URI loginAgain = this.browser.startAuthorization(webBffAuthorizationRequest(Pkce.create()));
		assertThat(loginAgain.getPath()).as("the session ended: log in again").isEqualTo("/login");
	}

	private Map<String, Object> exchangeWebBffCode(String code, String codeVerifier) {
		HttpResponse<String> response = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", WEB_BFF_REDIRECT_URI,
						"code_verifier", codeVerifier),
				"web-bff", "web-bff-secret");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(HttpStatus.OK.value());
		return OidcTestClient.json(response);
	}

	private static Map<String, String> webBffAuthorizationRequest(Pkce pkce) {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("response_type", "code");
		request.put("client_id", "web-bff");
		request.put("scope", "openid profile email");
		request.put("redirect_uri", WEB_BFF_REDIRECT_URI);
		request.put("state", "state-1");
		request.put("nonce", "nonce-1");
		request.put("code_challenge", pkce.challenge());
		request.put("code_challenge_method", "S256");
		return request;
	}

}
