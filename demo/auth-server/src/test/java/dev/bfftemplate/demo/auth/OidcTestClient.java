package dev.bfftemplate.demo.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to the server over real HTTP as a browser and an OAuth2 client would: keeps
 * cookies, follows no redirect by itself, and validates tokens the way a resource server
 * does, against the served JWKS.
 */
final class OidcTestClient {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(Redirect.NEVER)
		.build();

	OidcTestClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/**
	 * Returns the issuer this server names when reached at this client's base URL.
	 * @return the issuer
	 */
	String issuer() {
		return this.baseUrl;
	}

	HttpResponse<String> get(String path, MediaType accept) {
		return send(HttpRequest.newBuilder(resolve(path)).header(HttpHeaders.ACCEPT, accept.toString()).GET());
	}

	HttpResponse<String> getWithBearer(String path, String accessToken) {
		return send(HttpRequest.newBuilder(resolve(path))
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
			.GET());
	}

	Map<String, Object> getJson(String path) {
		HttpResponse<String> response = get(path, MediaType.APPLICATION_JSON);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(HttpStatus.OK.value());
		return json(response);
	}

	HttpResponse<String> postForm(String path, Map<String, String> form) {
		return send(formRequest(path, form));
	}

	HttpResponse<String> postForm(String path, Map<String, String> form, String clientId, String clientSecret) {
		String credentials = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		return send(formRequest(path, form).header(HttpHeaders.AUTHORIZATION, "Basic " + credentials));
	}

	/**
	 * Sends an authorization request as a browser and, when the server asks for it, logs
	 * in through the login form.
	 * @param authorizationRequest the authorization request's query parameters
	 * @param username the user to log in as
	 * @param password the user's password
	 * @return the query parameters of the redirect back to the client: {@code code} and
	 * {@code state}, or {@code error}
	 */
	Map<String, String> authorize(Map<String, String> authorizationRequest, String username, String password) {
		URI location = startAuthorization(authorizationRequest);
		if (location.getPath().equals("/login")) {
			URI savedRequest = login(username, password);
			assertThat(savedRequest.getPath()).as("redirect after login").isEqualTo("/oauth2/authorize");
			location = redirectOf(get(savedRequest.toString(), MediaType.TEXT_HTML));
		}
		return queryOf(location);
	}

	/**
	 * Sends an authorization request as a browser.
	 * @param authorizationRequest the authorization request's query parameters
	 * @return where the server redirects the browser: the login form, or back to the
	 * client
	 */
	URI startAuthorization(Map<String, String> authorizationRequest) {
		return redirectOf(get("/oauth2/authorize?" + formEncode(authorizationRequest), MediaType.TEXT_HTML));
	}

	/**
	 * Fills in and posts the login form with its CSRF token.
	 * @param username the username
	 * @param password the password
	 * @return where the server redirects the browser after the attempt
	 */
	URI login(String username, String password) {
		String csrfToken = csrfToken(get("/login", MediaType.TEXT_HTML));
		return redirectOf(postForm("/login", Map.of("username", username, "password", password, "_csrf", csrfToken)));
	}

	/**
	 * Logs out through the login form's logout page (Spring Security's own, with its CSRF
	 * token), which ends the session here.
	 * @return where the server redirects the browser afterwards
	 */
	URI logout() {
		String csrfToken = csrfToken(get("/logout", MediaType.TEXT_HTML));
		return redirectOf(postForm("/logout", Map.of("_csrf", csrfToken)));
	}

	JwtDecoder jwtDecoder(String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer()),
				new JwtAudienceValidator(audience)));
		return decoder;
	}

	/**
	 * Decodes a logout token as a client checks it: signature against the served JWKS,
	 * issuer, audience, expiry, and the explicit type {@code logout+jwt} (which the
	 * default validators, expecting {@code JWT}, refuse).
	 * @param audience the client
	 * @return the decoder
	 */
	JwtDecoder logoutTokenDecoder(String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new JwtIssuerValidator(issuer()),
						new JwtAudienceValidator(audience), new JwtTypeValidator("logout+jwt")));
		return decoder;
	}

	static Map<String, Object> json(HttpResponse<String> response) {
		return JsonParserFactory.getJsonParser().parseMap(response.body());
	}

	static URI redirectOf(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("redirect status").isEqualTo(HttpStatus.FOUND.value());
		return response.uri().resolve(response.headers().firstValue(HttpHeaders.LOCATION).orElseThrow());
	}

	private static String csrfToken(HttpResponse<String> loginPage) {
		assertThat(loginPage.statusCode()).isEqualTo(HttpStatus.OK.value());
		Matcher matcher = CSRF_INPUT.matcher(loginPage.body());
		assertThat(matcher.find()).as("CSRF token in the login form").isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> queryOf(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String[] nameAndValue = pair.split("=", 2);
				parameters.put(decode(nameAndValue[0]), (nameAndValue.length > 1) ? decode(nameAndValue[1]) : "");
			}
		}
		return parameters;
	}

	private HttpRequest.Builder formRequest(String path, Map<String, String> form) {
		return HttpRequest.newBuilder(resolve(path))
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
			.POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
	}

	private URI resolve(String pathOrUrl) {
		return URI.create(this.baseUrl).resolve(pathOrUrl);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String formEncode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
