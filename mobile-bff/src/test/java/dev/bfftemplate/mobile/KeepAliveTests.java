package dev.bfftemplate.mobile;

import dev.bfftemplate.test.http.KeepAliveProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every request on a kept-alive connection gets an answer, also right after an error
 * answer (bench/keepalive: Reactor Netty before 1.3.8 sometimes never read it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class KeepAliveTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void everyKeptAliveRequestIsAnsweredAmongErrorAnswers() {
		KeepAliveProbe.of(this.port, this.managementPort)
			.withPublicPaths("/mobile/v1/home", "/mobile/v1/products/p-001", "/unknown")
			.assertEveryRequestAnswered(100);
	}

}
