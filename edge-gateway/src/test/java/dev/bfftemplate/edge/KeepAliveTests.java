package dev.bfftemplate.edge;

import dev.bfftemplate.test.http.KeepAliveProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;

/**
 * Every request on a kept-alive connection gets an answer, also right after an error
 * answer (bench/keepalive: Reactor Netty before 1.3.8 sometimes never read it), whether
 * the edge answers itself (400 path trick, 401 without a token, 404 actuator) or passes
 * on a BFF's answer.
 */
@EdgeGatewayTest
class KeepAliveTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@BeforeEach
	void stubWebBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("web")));
	}

	@Test
	void everyKeptAliveRequestIsAnsweredAmongErrorAnswers() {
		KeepAliveProbe.of(this.port, this.managementPort)
			.withPublicPaths("/api/dashboard", "/mobile/v1/home", "/api/%2e%2e/actuator", "/partner/v1/products")
			.assertEveryRequestAnswered(100);
	}

}
