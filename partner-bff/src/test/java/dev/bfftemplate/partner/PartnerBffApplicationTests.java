package dev.bfftemplate.partner;

import dev.bfftemplate.test.actuator.ManagementSurface;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class PartnerBffApplicationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void probesAnswerOnThePublicPort() {
		new ManagementSurface(this.port, this.managementPort).assertProbesUp();
	}

	@Test
	void actuatorIsOnlyOnTheManagementPort() {
		new ManagementSurface(this.port, this.managementPort).assertActuatorOnlyOnManagementPort();
	}

}
