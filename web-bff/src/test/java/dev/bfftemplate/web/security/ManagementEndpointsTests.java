package dev.bfftemplate.web.security;

import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class ManagementEndpointsTests {

	@Autowired
	private WebTestClient client;

	@LocalManagementPort
	private int managementPort;

	@Test
	void probesAndMetricsAnswerOnTheManagementPortWithoutASession() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void theActuatorIsNotOnThePublicPortButProbesAre() {
		this.client.get().uri("/readyz").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(200));
	}

}
