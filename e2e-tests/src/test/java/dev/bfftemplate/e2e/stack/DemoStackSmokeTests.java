package dev.bfftemplate.e2e.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.bfftemplate.demo.launcher.DemoStack;
import dev.bfftemplate.demo.launcher.StackApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the README promises of the one command: the launcher brings up the demo services
 * and the auth server, and {@code curl} shows a product and the OIDC discovery document.
 * The stack runs from the jars the build just made, on free ports.
 */
class DemoStackSmokeTests {

	static DemoStack stack;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startStack() {
		stack = DemoStack.builder(Path.of("").toAbsolutePath().getParent())
			.only(List.of(StackApp.DEMO_SERVICES, StackApp.AUTH_SERVER))
			.ports(StackApp.DEMO_SERVICES, FreePorts.next(), FreePorts.next())
			.ports(StackApp.AUTH_SERVER, FreePorts.next(), FreePorts.next())
			.requireAll()
			.start();
	}

	@AfterAll
	static void stopStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void servesAProduct() throws Exception {
		HttpResponse<String> product = get(stack.app(StackApp.DEMO_SERVICES).baseUrl() + "/catalog/products/p-001");
		assertThat(product.statusCode()).isEqualTo(200);
		assertThat(product.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(product.body()).contains("\"id\":\"p-001\"");
	}

	@Test
	void servesTheOidcDiscoveryDocumentOfItsOwnIssuer() throws Exception {
		String issuer = stack.app(StackApp.AUTH_SERVER).baseUrl();
		HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(discovery.body()).contains("\"issuer\":\"" + issuer + "\"")
			.contains("\"jwks_uri\":\"" + issuer + "/oauth2/jwks\"");
	}

	@Test
	void stoppingTheStackStopsEveryProcess() {
		DemoStack second = DemoStack.builder(Path.of("").toAbsolutePath().getParent())
			.only(List.of(StackApp.DEMO_SERVICES))
			.ports(StackApp.DEMO_SERVICES, FreePorts.next(), FreePorts.next())
			.requireAll()
			.start();
		ProcessHandle services = second.process(StackApp.DEMO_SERVICES);
		assertThat(services.isAlive()).isTrue();
		second.close();
		assertThat(services.isAlive()).isFalse();
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
