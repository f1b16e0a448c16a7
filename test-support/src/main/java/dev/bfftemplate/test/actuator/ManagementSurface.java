package dev.bfftemplate.test.actuator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an application's operational surface the way DESIGN.md wants it: {@code /livez}
 * and {@code /readyz} on the public port, actuator only on the management port, and there
 * only {@code health}, {@code info} and {@code prometheus}.
 *
 * @param publicPort the application's public port
 * @param managementPort the application's management port
 */
public record ManagementSurface(int publicPort, int managementPort) {

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
		HttpResponse<String> prometheus = get(this.managementPort, "/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/shutdown", "/actuator/gateway/routes" }) {
			assertThat(get(this.managementPort, hidden).statusCode()).as(hidden).isEqualTo(404);
		}
	}

	private static HttpResponse<String> get(int port, String path) {
		// A new connection for every request: a request sent on a kept-alive connection
		// right after a 404 sometimes never gets an answer (a known open bug, see
		// bench/keepalive/README.md), and these checks are about which endpoints exist.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
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
