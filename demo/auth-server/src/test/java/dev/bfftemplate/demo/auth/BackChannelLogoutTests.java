package dev.bfftemplate.demo.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenID Connect Back-Channel Logout 1.0 as the OP: when alice's session here ends, the
 * web-bff client, which received an ID token in it, is POSTed a logout token (a WireMock
 * stand-in listens at its registered back-channel logout URI). The token is checked the
 * way the client checks it: signature against the served JWKS, issuer, audience, expiry,
 * then its header and claims, {@code sid} equal to the ID token's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.auth.web-app-url=" + BackChannelLogoutTests.WEB_APP,
				"demo.auth.back-channel-logout.timeout=1s", "demo.auth.back-channel-logout.retry-backoff=100ms" })
@Import(RequestIssuerConfiguration.class)
class BackChannelLogoutTests {

	static final String WEB_APP = "http://127.0.0.1:8081";

	private static final String LOGOUT_PATH = "/bff/backchannel-logout";

	private static final WireMockServer webBff = WireMockDownstreams.start();

	@LocalServerPort
	private int port;

	private OidcTestClient browser;

	@DynamicPropertySource
	static void webBffBackChannel(DynamicPropertyRegistry registry) {
		registry.add("demo.auth.back-channel-logout.clients.web-bff.uri", () -> webBff.baseUrl() + LOGOUT_PATH);
	}

	@AfterAll
	static void stopStandIn() {
		webBff.stop();
	}

	@BeforeEach
	void reset() {
		webBff.resetAll();
		webBff.stubFor(post(urlPathEqualTo(LOGOUT_PATH)).willReturn(aResponse().withStatus(200)));
		this.browser = new OidcTestClient(this.port);
	}

	@Test
	void logoutAtTheEndSessionEndpointSendsWebBffASignedLogoutTokenForTheIdTokensSession() {
		Jwt idToken = logIn();

		URI afterLogout = OidcTestClient.redirectOf(this.browser.get("/connect/logout?id_token_hint="
				+ idToken.getTokenValue() + "&post_logout_redirect_uri=" + WEB_APP + "/", MediaType.TEXT_HTML));
		assertThat(afterLogout).hasToString(WEB_APP + "/");

		LoggedRequest delivery = awaitDeliveries(idToken, 1).get(0);
		assertThat(delivery.getHeader("Content-Type")).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		Jwt logoutToken = this.browser.logoutTokenDecoder("web-bff").decode(logoutToken(delivery));
		assertThat(logoutToken.getHeaders()).containsEntry("typ", "logout+jwt")
			.containsEntry("alg", "RS256")
			.containsEntry("kid", idToken.getHeaders().get("kid"));
		assertThat(logoutToken.getIssuer()).isEqualTo(idToken.getIssuer());
		assertThat(logoutToken.getAudience()).containsExactly("web-bff");
		assertThat(logoutToken.getSubject()).isEqualTo("alice");
		assertThat(logoutToken.getClaimAsString("sid")).isNotBlank().isEqualTo(idToken.getClaimAsString("sid"));
		assertThat(logoutToken.getId()).isNotBlank();
		assertThat(logoutToken.getIssuedAt()).isNotNull();
		assertThat(Duration.between(logoutToken.getIssuedAt(), logoutToken.getExpiresAt())).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(2));
		assertThat(logoutToken.getClaims()).doesNotContainKey("nonce");
		assertThat(logoutToken.getClaimAsMap("events"))
			.containsExactly(Map.entry("http://schemas.openid.net/event/backchannel-logout", Map.of()));
	}

	@Test
	void theLoginFormsLogoutEndsTheSessionTooAndAFailedDeliveryIsRetried() {
		webBff.stubFor(post(urlPathEqualTo(LOGOUT_PATH)).inScenario("busy client")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		webBff.stubFor(post(urlPathEqualTo(LOGOUT_PATH)).inScenario("busy client")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200)));
		Jwt idToken = logIn();

		assertThat(this.browser.logout().getPath()).isEqualTo("/login");

		List<LoggedRequest> deliveries = awaitDeliveries(idToken, 2);
		String first = logoutToken(deliveries.get(0));
		assertThat(logoutToken(deliveries.get(1))).as("the retry sends the same token").isEqualTo(first);
		assertThat(this.browser.logoutTokenDecoder("web-bff").decode(first).getClaimAsString("sid"))
			.isEqualTo(idToken.getClaimAsString("sid"));
	}

	@Test
	void aClientThatDoesNotAnswerNeverHoldsUpTheUsersLogout() {
		webBff.stubFor(post(urlPathEqualTo(LOGOUT_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
		Jwt idToken = logIn();

		long started = System.nanoTime();
		URI afterLogout = OidcTestClient.redirectOf(this.browser.get("/connect/logout?id_token_hint="
				+ idToken.getTokenValue() + "&post_logout_redirect_uri=" + WEB_APP + "/", MediaType.TEXT_HTML));
		assertThat(afterLogout).hasToString(WEB_APP + "/");
		// answered before even one delivery attempt (1 s here) could have timed out
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		// three attempts, each given up after the timeout, then one log line
		awaitDeliveries(idToken, 3);
	}

	private Jwt logIn() {
		Pkce pkce = Pkce.create();
		Map<String, String> request = new LinkedHashMap<>();
		request.put("response_type", "code");
		request.put("client_id", "web-bff");
		request.put("scope", "openid profile email");
		request.put("redirect_uri", WEB_APP + "/login/oauth2/code/web-bff");
		request.put("state", "state-1");
		request.put("nonce", "nonce-1");
		request.put("code_challenge", pkce.challenge());
		request.put("code_challenge_method", "S256");
		String code = this.browser.authorize(request, "alice", "alice-password").get("code");
		HttpResponse<String> tokens = this.browser.postForm("/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
						WEB_APP + "/login/oauth2/code/web-bff", "code_verifier", pkce.verifier()),
				"web-bff", "web-bff-secret");
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(HttpStatus.OK.value());
		Jwt idToken = this.browser.jwtDecoder("web-bff").decode((String) OidcTestClient.json(tokens).get("id_token"));
		assertThat(idToken.getClaimAsString("sid")).as("the ID token names its session").isNotBlank();
		return idToken;
	}

	/**
	 * The deliveries of the logout of the ID token's session: a client that never
	 * answered in an earlier test may still be sent its retries.
	 */
	private static List<LoggedRequest> awaitDeliveries(Jwt idToken, int count) {
		String sid = "\"sid\":\"" + idToken.getClaimAsString("sid") + "\"";
		await("%d back-channel logout request(s) for sid %s at the stand-in for web-bff".formatted(count, sid))
			.atMost(Duration.ofSeconds(15))
			.until(() -> deliveries(sid).size() >= count);
		return deliveries(sid);
	}

	private static List<LoggedRequest> deliveries(String sid) {
		return webBff.findAll(postRequestedFor(urlPathEqualTo(LOGOUT_PATH)))
			.stream()
			.filter((request) -> payload(logoutToken(request)).contains(sid))
			.toList();
	}

	private static String payload(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	private static String logoutToken(LoggedRequest request) {
		String body = request.getBodyAsString();
		assertThat(body).startsWith("logout_token=").doesNotContain("&");
		return URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8);
	}

}
