package dev.bfftemplate.e2e.logout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.bfftemplate.demo.launcher.DemoStack;
import dev.bfftemplate.demo.launcher.StackApp;
import dev.bfftemplate.e2e.stack.FreePorts;
import dev.bfftemplate.test.redis.DedicatedRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenID Connect Back-Channel Logout across the real stack: alice signs in through the
 * edge (the real OIDC flow with the demo auth server's login form), and two web-bff
 * instances share her session through one Redis. When she logs out at the auth server
 * (its own logout form, with its session cookie: no BFF involved), the auth server POSTs
 * a logout token to web-bff, server to server, and her BFF session ends on both
 * instances.
 */
class BackChannelLogoutEndToEndTests {

	private static final String SESSION_COOKIE = "__Host-bff-session";

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static DedicatedRedis redis;

	private static DemoStack stack;

	private static DemoStack secondWebBff;

	@BeforeAll
	static void startStack() throws IOException {
		redis = DedicatedRedis.start();
		Path root = Path.of("").toAbsolutePath().getParent();
		// One key for both instances: each decrypts the sessions the other wrote.
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		String sessionKey = "--bff.token-handler.session.encryption-key=" + Base64.getEncoder().encodeToString(key);
		stack = DemoStack.builder(root)
			.only(List.of(StackApp.DEMO_SERVICES, StackApp.AUTH_SERVER, StackApp.WEB_BFF, StackApp.EDGE))
			.ports(StackApp.DEMO_SERVICES, FreePorts.next(), FreePorts.next())
			.ports(StackApp.AUTH_SERVER, FreePorts.next(), FreePorts.next())
			.ports(StackApp.WEB_BFF, FreePorts.next(), FreePorts.next())
			.ports(StackApp.EDGE, FreePorts.next(), FreePorts.next())
			.redis(redis.url())
			.arguments(StackApp.WEB_BFF, sessionKey)
			// a loaded build machine and cold JVMs: the first login's code exchange can
			// take
			// seconds
			.arguments(StackApp.EDGE, "--edge.response-timeouts.web-bff=30000",
					"--spring.cloud.gateway.server.webflux.httpclient.response-timeout=30s")
			.requireAll()
			.start();
		// A second web-bff on the same Redis, not behind the edge: only reached directly.
		// The launcher wires a stack of one application to the default ports of the
		// others, so it is told where this run's issuer is.
		secondWebBff = DemoStack.builder(root)
			.only(List.of(StackApp.WEB_BFF))
			.ports(StackApp.WEB_BFF, FreePorts.next(), FreePorts.next())
			.redis(redis.url())
			.logDir(Files.createTempDirectory("second-web-bff-logs"))
			.arguments(StackApp.WEB_BFF, sessionKey,
					"--spring.security.oauth2.client.provider.demo.issuer-uri="
							+ stack.app(StackApp.AUTH_SERVER).baseUrl())
			.requireAll()
			.start();
	}

	@AfterAll
	static void stopStack() {
		if (secondWebBff != null) {
			secondWebBff.close();
		}
		if (stack != null) {
			stack.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void loggingOutAtTheAuthServerEndsTheBffSessionOnEveryInstance() throws Exception {
		String edge = stack.app(StackApp.EDGE).baseUrl();
		List<String> webBffs = List.of(edge, stack.app(StackApp.WEB_BFF).baseUrl(),
				secondWebBff.app(StackApp.WEB_BFF).baseUrl());
		Browser browser = new Browser();
		browser.logIn(edge, "alice", "alice-password");
		String session = browser.cookie(edge, SESSION_COOKIE);
		assertThat(session).as("web-bff's session cookie after the login").isNotNull();
		for (String webBff : webBffs) {
			HttpResponse<String> user = user(webBff, session);
			assertThat(user.statusCode()).as("/bff/user at %s: %s", webBff, user.body()).isEqualTo(200);
			assertThat(user.body()).contains("Alice Anders");
		}

		// alice ends her session at the auth server, the way a person does: its logout
		// form
		browser.logOutAtTheAuthServer(stack.app(StackApp.AUTH_SERVER).baseUrl());

		for (String webBff : webBffs) {
			await("/bff/user at " + webBff + " answering 401 once the auth server's back-channel logout "
					+ "token has ended alice's web-bff session")
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> user(webBff, session).statusCode() == 401);
		}
	}

	private static HttpResponse<String> user(String webBff, String session) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(webBff + "/bff/user"))
			.header("Accept", "application/json")
			.header("Cookie", SESSION_COOKIE + "=" + session)
			// what the web app sends on every /bff/** call (the token handler's CSRF
			// check)
			.header("X-CSRF", "1")
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A browser reduced to what the login needs: redirects followed and cookies kept by
	 * hand, per port (the session cookie is {@code __Host-} prefixed and {@code Secure},
	 * which a browser sends to {@code http://localhost} and the JDK's cookie handler does
	 * not), like bench/common/login.py.
	 */
	private static final class Browser {

		private final Map<Integer, Map<String, String>> cookies = new HashMap<>();

		void logIn(String edge, String username, String password) throws IOException, InterruptedException {
			Page login = follow("GET", edge + "/oauth2/authorization/web-bff", null);
			assertThat(login.uri().getPath()).as("the auth server's login page").isEqualTo("/login");
			Page home = follow("POST", login.uri().toString(),
					Map.of("username", username, "password", password, "_csrf", csrfToken(login)));
			assertThat(home.status()).as("after the login, at %s", home.uri()).isLessThan(400);
			assertThat(home.uri().toString()).startsWith(edge);
		}

		void logOutAtTheAuthServer(String authServer) throws IOException, InterruptedException {
			Page confirm = follow("GET", authServer + "/logout", null);
			assertThat(confirm.status()).as("the auth server's logout page").isEqualTo(200);
			Page loggedOut = follow("POST", authServer + "/logout", Map.of("_csrf", csrfToken(confirm)));
			assertThat(loggedOut.uri().getPath()).as("after the logout at the auth server").isEqualTo("/login");
		}

		String cookie(String origin, String name) {
			return this.cookies.getOrDefault(URI.create(origin).getPort(), Map.of()).get(name);
		}

		private Page follow(String method, String url, Map<String, String> form)
				throws IOException, InterruptedException {
			URI uri = URI.create(url);
			for (int redirects = 0; redirects < 15; redirects++) {
				HttpResponse<String> response = send(method, uri, form);
				String location = response.headers().firstValue("Location").orElse(null);
				if (response.statusCode() / 100 == 3 && location != null) {
					uri = uri.resolve(location);
					method = "GET";
					form = null;
					continue;
				}
				return new Page(response.statusCode(), uri, response.body());
			}
			throw new IllegalStateException("Too many redirects, the last to " + uri);
		}

		private HttpResponse<String> send(String method, URI uri, Map<String, String> form)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(30));
			Map<String, String> jar = this.cookies.computeIfAbsent(uri.getPort(), (port) -> new LinkedHashMap<>());
			if (!jar.isEmpty()) {
				request.header("Cookie",
						jar.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(Collectors.joining("; ")));
			}
			if (form != null) {
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
						.stream()
						.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
						.collect(Collectors.joining("&"))));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String[] nameAndValue = setCookie.split(";", 2)[0].split("=", 2);
				if (setCookie.contains("Max-Age=0")) {
					jar.remove(nameAndValue[0]);
				}
				else {
					jar.put(nameAndValue[0], (nameAndValue.length > 1) ? nameAndValue[1] : "");
				}
			}
			return response;
		}

		private static String csrfToken(Page page) {
			Matcher matcher = CSRF_INPUT.matcher(page.body());
			assertThat(matcher.find()).as("a CSRF token in the form at %s", page.uri()).isTrue();
			// the value is HTML-escaped: numeric character references at most
			return Pattern.compile("&#(\\d+);")
				.matcher(matcher.group(1))
				.replaceAll((reference) -> Character.toString(Integer.parseInt(reference.group(1))));
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	private record Page(int status, URI uri, String body) {

	}

}
