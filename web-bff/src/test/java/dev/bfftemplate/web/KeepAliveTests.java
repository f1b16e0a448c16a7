package dev.bfftemplate.web;

import dev.bfftemplate.test.http.KeepAliveProbe;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request on a kept-alive connection gets an answer, also right after an error
 * answer (bench/keepalive: Reactor Netty before 1.3.8 sometimes never read it).
 */
@WebBffTest
class KeepAliveTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void everyKeptAliveRequestIsAnsweredAmongErrorAnswers() {
		KeepAliveProbe.of(this.port, this.managementPort)
			.withPublicPaths("/", "/bff/user", "/api/dashboard", "/api/unknown")
			.assertEveryRequestAnswered(100);
	}

}
