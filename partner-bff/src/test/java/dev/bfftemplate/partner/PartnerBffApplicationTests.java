package dev.bfftemplate.partner;

import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.test.actuator.ManagementSurface;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@PartnerBffTest
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
