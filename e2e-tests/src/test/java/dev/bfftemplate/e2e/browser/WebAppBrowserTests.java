package dev.bfftemplate.e2e.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import dev.bfftemplate.demo.launcher.DemoStack;
import dev.bfftemplate.demo.launcher.StackApp;
import dev.bfftemplate.e2e.stack.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real headless Chromium, against the real stack (demo services, demo
 * auth server, web BFF, edge) started by the launcher on free ports, through the edge: a
 * person logs in, sees the dashboard, places an order, sees a degraded marker when a
 * service fails, and logs out; the browser never holds a token.
 */
class WebAppBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** A JWT: what the provider's access and ID tokens look like. */
	private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{10,}\\.eyJ[\\w-]{10,}\\.[\\w-]+");

	private static final String COOKIE = "__Host-bff-session";

	private static DemoStack stack;

	private static ChromeDriver browser;

	private static String webApp;

	@BeforeAll
	static void startStackAndBrowser() {
		// The browser sees one origin, the edge's, which routes the page, /bff/** and
		// /api/** to the web BFF.
		int edgePort = FreePorts.next();
		webApp = "http://localhost:" + edgePort;
		stack = DemoStack.builder(Path.of("").toAbsolutePath().getParent())
			.only(List.of(StackApp.DEMO_SERVICES, StackApp.AUTH_SERVER, StackApp.WEB_BFF, StackApp.EDGE))
			.ports(StackApp.DEMO_SERVICES, FreePorts.next(), FreePorts.next())
			.ports(StackApp.AUTH_SERVER, FreePorts.next(), FreePorts.next())
			.ports(StackApp.WEB_BFF, FreePorts.next(), FreePorts.next())
			.ports(StackApp.EDGE, edgePort, FreePorts.next())
			// The demo client only knows the default ports; this run's web app is
			// elsewhere.
			.arguments(StackApp.AUTH_SERVER,
					"--spring.security.oauth2.authorizationserver.client.web-bff.registration.redirect-uris[0]="
							+ webApp + "/login/oauth2/code/web-bff",
					"--spring.security.oauth2.authorizationserver.client.web-bff.registration.post-logout-redirect-uris[0]="
							+ webApp + "/")
			.requireAll()
			.start();
		browser = SystemChromium.start();
	}

	@AfterAll
	static void stopBrowserAndStack() {
		if (browser != null) {
			browser.quit();
		}
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void aPersonLogsInSeesTheirDashboardOrdersSeesDegradationAndLogsOut() throws Exception {
		WebDriverWait wait = new WebDriverWait(browser, WAIT);
		browser.get(webApp + "/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin"))).click();

		// The demo auth server's login form.
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("alice");
		browser.findElement(By.id("password")).sendKeys("alice-password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBe(By.id("user-name"), "Alice Anders"));
		wait.until(ExpectedConditions.textToBe(By.id("customer-name"), "Alice Anders"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("product-name")));
		assertThat(browser.getCurrentUrl()).startsWith(webApp);
		assertThat(browser.findElement(By.id("degraded")).isDisplayed()).isFalse();

		Cookie session = browser.manage().getCookieNamed(COOKIE);
		assertThat(session).as("the session cookie").isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.isSecure()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(script("return document.cookie;")).doesNotContain(COOKIE);
		assertNoTokenInPageOrStorage();
		assertNoTokenInResponses();

		browser.findElement(By.id("order-quantity")).clear();
		browser.findElement(By.id("order-quantity")).sendKeys("2");
		browser.findElement(By.id("place-order")).click();
		wait.until(ExpectedConditions.textMatches(By.id("order-result"), Pattern.compile("Order \\S+ placed.*")));

		injectFault("inventory", "{\"errorRate\":1}");
		browser.findElement(By.id("load-product")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("degraded")));
		assertThat(browser.findElement(By.id("degraded-list")).getText()).contains("inventory");
		assertThat(browser.findElement(By.id("product-stock")).getText()).isEqualTo("unknown right now");
		screenshot("degraded");

		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlToBe(webApp + "/"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
		assertThat(fetchStatus("/bff/user")).isEqualTo(401);
	}

	private void assertNoTokenInPageOrStorage() {
		assertThat(browser.getPageSource()).doesNotContainPattern(JWT);
		String storage = script("return JSON.stringify(Object.assign({}, window.localStorage)) + "
				+ "JSON.stringify(Object.assign({}, window.sessionStorage)) + document.cookie;");
		assertThat(storage).doesNotContainPattern(JWT);
		assertThat(script("return performance.getEntriesByType('resource').map(e => e.name).join(' ');"))
			.doesNotContainPattern(JWT);
	}

	private void assertNoTokenInResponses() {
		for (String path : List.of("/bff/user", "/api/dashboard", "/api/product-page/p-001")) {
			String response = script("""
					const done = arguments[arguments.length - 1];
					fetch(arguments[0], { headers: { 'X-CSRF': '1' } })
						.then(async (r) => done(r.status + ' ' + [...r.headers].join(' ') + ' ' + await r.text()));
					""", path);
			assertThat(response).as(path).startsWith("200 ");
			assertThat(response).as(path)
				.doesNotContainPattern(JWT)
				.doesNotContain("access_token")
				.doesNotContain("refresh_token");
		}
	}

	private long fetchStatus(String path) {
		return ((Number) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { headers: { 'X-CSRF': '1' } }).then((r) => done(r.status));
				""", path)).longValue();
	}

	private static String script(String script, Object... arguments) {
		Object result = script.contains("arguments[arguments.length - 1]")
				? ((JavascriptExecutor) browser).executeAsyncScript(script, arguments)
				: ((JavascriptExecutor) browser).executeScript(script, arguments);
		return String.valueOf(result);
	}

	private static void injectFault(String service, String faults) throws Exception {
		StackApp services = stack.app(StackApp.DEMO_SERVICES);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + services.managementPort() + "/actuator/faults/" + service))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(faults))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
	}

	private static void screenshot(String name) throws Exception {
		Path target = Path.of("target", "browser", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
	}

}
