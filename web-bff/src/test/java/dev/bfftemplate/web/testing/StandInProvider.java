package dev.bfftemplate.web.testing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bfftemplate.test.jwt.JwtIssuer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A stand-in OpenID provider for the whole test JVM: test-support's {@link JwtIssuer}
 * (real RSA key, JWKS) plus a token endpoint, a revocation endpoint and an end-session
 * endpoint stubbed through the same WireMock's admin API. Tests script what the token
 * endpoint answers and count its calls.
 */
public final class StandInProvider {

	public static final String CLIENT_ID = "web-bff";

	public static final String CLIENT_SECRET = "web-bff-secret-for-tests";

	private static final StandInProvider SHARED = new StandInProvider();

	private final JwtIssuer issuer;

	private final WireMock admin;

	private StandInProvider() {
		this.issuer = JwtIssuer.start();
		URI uri = URI.create(this.issuer.issuer());
		this.admin = new WireMock(uri.getHost(), uri.getPort());
		this.admin.register(get("/.well-known/openid-configuration").atPriority(1)
			.willReturn(okJson("""
					{"issuer":"%1$s","jwks_uri":"%2$s","authorization_endpoint":"%1$s/oauth2/authorize",
					"token_endpoint":"%1$s/oauth2/token","revocation_endpoint":"%1$s/oauth2/revoke",
					"end_session_endpoint":"%1$s/connect/logout","subject_types_supported":["public"],
					"id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"],
					"backchannel_logout_supported":true,"backchannel_logout_session_supported":true}"""
				.formatted(this.issuer.issuer(), this.issuer.jwkSetUri()))));
		this.admin.register(post("/oauth2/revoke").willReturn(aResponse().withStatus(200)));
	}

	/**
	 * The provider shared by every test of this JVM.
	 * @return the provider
	 */
	public static StandInProvider shared() {
		return SHARED;
	}

	public String issuerUri() {
		return this.issuer.issuer();
	}

	public JwtIssuer jwtIssuer() {
		return this.issuer;
	}

	/**
	 * Scripts the token endpoint's answer to one authorization code.
	 * @param code the code the test will send back to the BFF
	 * @param nonce the nonce of the authorization request
	 * @param user the user who signs in
	 * @param accessTokenLifetime how long the access token lives
	 * @return the tokens issued
	 */
	public IssuedTokens answerCode(String code, String nonce, DemoUser user, Duration accessTokenLifetime) {
		String sid = UUID.randomUUID().toString();
		JwtIssuer.TokenBuilder idToken = this.issuer.token()
			.subject(user.subject())
			.audience(CLIENT_ID)
			.asIdToken()
			.claim("nonce", nonce)
			.claim("sid", sid)
			.claim("name", user.name())
			.claim("email", user.email());
		if (user.customerIdInIdToken()) {
			idToken.claim("customer_id", user.customerId());
		}
		IssuedTokens tokens = new IssuedTokens(accessToken(user, accessTokenLifetime), "refresh-" + UUID.randomUUID(),
				idToken.build(), sid, user);
		this.admin.register(post("/oauth2/token").withRequestBody(containing("grant_type=authorization_code"))
			.withRequestBody(containing("code=" + code))
			.willReturn(okJson(tokenResponse(tokens, accessTokenLifetime))));
		return tokens;
	}

	/**
	 * Scripts a successful refresh of the given refresh token.
	 * @param tokens the tokens being refreshed
	 * @param newLifetime the new access token's lifetime
	 * @return the new tokens
	 */
	public IssuedTokens answerRefresh(IssuedTokens tokens, Duration newLifetime) {
		IssuedTokens refreshed = new IssuedTokens(accessToken(tokens.user(), newLifetime), tokens.refreshToken(),
				tokens.idToken(), tokens.sid(), tokens.user());
		this.admin.register(post("/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=" + tokens.refreshToken()))
			.willReturn(okJson(tokenResponse(refreshed, newLifetime)).withFixedDelay(200)));
		return refreshed;
	}

	/**
	 * Scripts a refused refresh ({@code invalid_grant}), as after a revocation.
	 * @param tokens the tokens whose refresh token is refused
	 */
	public void refuseRefresh(IssuedTokens tokens) {
		this.admin.register(post("/oauth2/token").withRequestBody(containing("grant_type=refresh_token"))
			.withRequestBody(containing("refresh_token=" + tokens.refreshToken()))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\"}")));
	}

	/**
	 * How many refresh requests for this refresh token reached the token endpoint.
	 * @param tokens the tokens
	 * @return the count
	 */
	public int refreshRequests(IssuedTokens tokens) {
		return this.admin
			.find(postRequestedFor(urlPathEqualTo("/oauth2/token"))
				.withRequestBody(containing("grant_type=refresh_token"))
				.withRequestBody(containing("refresh_token=" + tokens.refreshToken())))
			.size();
	}

	/**
	 * How many revocation requests named this refresh token.
	 * @param tokens the tokens
	 * @return the count
	 */
	public int revocations(IssuedTokens tokens) {
		return this.admin
			.find(postRequestedFor(urlPathEqualTo("/oauth2/revoke"))
				.withRequestBody(containing("token=" + tokens.refreshToken())))
			.size();
	}

	/**
	 * Starts a logout token for the given session: valid unless changed.
	 * @param tokens the session's tokens
	 * @return the builder
	 */
	public JwtIssuer.TokenBuilder logoutToken(IssuedTokens tokens) {
		return this.issuer.token()
			.subject(tokens.user().subject())
			.audience(CLIENT_ID)
			.type("logout+jwt")
			.claim("sid", tokens.sid())
			.claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
	}

	private String accessToken(DemoUser user, Duration lifetime) {
		return this.issuer.token()
			.subject(user.subject())
			.audience("bff-api")
			.claim("customer_id", user.customerId())
			.lifetime(lifetime)
			.build();
	}

	private static String tokenResponse(IssuedTokens tokens, Duration lifetime) {
		return """
				{"access_token":"%s","token_type":"Bearer","expires_in":%d,"refresh_token":"%s",\
				"id_token":"%s","scope":"openid profile email"}""".formatted(tokens.accessToken(), lifetime.toSeconds(),
				tokens.refreshToken(), tokens.idToken());
	}

}
