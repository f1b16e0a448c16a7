package dev.bfftemplate.test.actuator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an application's operational surface the way docs/architecture.md describes it:
 * {@code /livez} and {@code /readyz} on the public port, actuator only on the management
 * port, and there only {@code health}, {@code info} and {@code prometheus}.
 *
 * @param publicPort the application's public port
 * @param managementPort the application's management port
 */
public record ManagementSurface(int publicPort, int managementPort) {

	// One client for every check: its connections are kept alive and reused, as any real
	// client's are (KeepAliveProbe proves the applications answer such requests).
	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Probes answer {@code UP} on the public port.
	 */
	public void assertProbesUp() {
		assertThat(get(this.publicPort, "/livez")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
		});
		assertThat(get(this.publicPort, "/readyz")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
		});
	}

	/**
	 * Actuator is absent from the public port and limited on the management port.
	 */
	public void assertActuatorOnlyOnManagementPort() {
		assertThat(get(this.publicPort, "/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get(this.publicPort, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(this.managementPort, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(get(this.managementPort, "/actuator/info").statusCode()).isEqualTo(200);
		assertThat(prometheus().has("jvm_memory_used_bytes")).as("jvm_memory_used_bytes scraped").isTrue();
		for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/shutdown", "/actuator/gateway/routes" }) {
			assertThat(get(this.managementPort, hidden).statusCode()).as(hidden).isEqualTo(404);
		}
	}

	/**
	 * Scrapes {@code /actuator/prometheus} on the management port.
	 * @return the scrape
	 */
	public PrometheusScrape prometheus() {
		return scrapePrometheus(this.managementPort);
	}

	/**
	 * Scrapes {@code /actuator/prometheus} on a port (the management port, or the
	 * application's only port when the actuator shares it), asserting a 200.
	 * @param port the port
	 * @return the scrape
	 */
	public static PrometheusScrape scrapePrometheus(int port) {
		HttpResponse<String> response = get(port, "/actuator/prometheus");
		assertThat(response.statusCode()).as("GET /actuator/prometheus on port " + port).isEqualTo(200);
		return new PrometheusScrape(response.body());
	}

	private static HttpResponse<String> get(int port, String path) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new AssertionError("No answer to GET " + path + " on port " + port + " within 5 s", ex);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
