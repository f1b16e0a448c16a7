package dev.bfftemplate.edge;

import dev.bfftemplate.test.http.KeepAliveProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request on a kept-alive connection gets an answer, also right after an error
 * answer (bench/keepalive: Reactor Netty before 1.3.8 sometimes never read it), whether
 * the edge answers itself (404, 401) or passes on an upstream's answer.
 */
@EdgeGatewayTest
class KeepAliveTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void everyKeptAliveRequestIsAnsweredAmongErrorAnswers() {
		KeepAliveProbe.of(this.port, this.managementPort)
			.withPublicPaths("/api/routed-to-web-bff", "/mobile/v1/home", "/partner/v1/products/p-001")
			.assertEveryRequestAnswered(100);
	}

}
