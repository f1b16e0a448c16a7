package dev.bfftemplate.edge;

import dev.bfftemplate.test.actuator.ManagementSurface;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;

/**
 * The edge's filters guard the public port only: actuator answers on the management port
 * (which the launcher's readiness check needs) and never on the public one.
 */
@EdgeGatewayTest
class ManagementPortTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void probesAreUpOnThePublicPort() {
		new ManagementSurface(this.port, this.managementPort).assertProbesUp();
	}

	@Test
	void actuatorIsOnlyOnTheManagementPort() {
		EdgeTestEnvironment.reset();
		new ManagementSurface(this.port, this.managementPort).assertActuatorOnlyOnManagementPort();
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void readinessGroupIsUpOnTheManagementPort() {
		EdgeTestEnvironment.client(this.managementPort)
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

}
