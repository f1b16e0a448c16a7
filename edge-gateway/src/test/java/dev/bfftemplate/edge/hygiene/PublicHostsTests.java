package dev.bfftemplate.edge.hygiene;

import java.io.IOException;

import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static dev.bfftemplate.edge.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge answers only for its public host names ({@code localhost}, {@code 127.0.0.1}
 * and {@code shop.example} in the test context): any other {@code Host} or absolute-form
 * authority is a 400 problem, never routed and never echoed.
 */
@EdgeGatewayTest
class PublicHostsTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@BeforeEach
	void stubWebBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("web")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Host: evil.example\r\n", "Host: evil.example:8080\r\n", "Host: 169.254.169.254\r\n",
			"Host: 10.0.0.7:8080\r\n", "Host: [::1]\r\n", "Host: localhost.evil.example\r\n",
			"Host: evil.example:localhost\r\n", "Host: localhost:80:80\r\n", "Host: \r\n", "",
			"Host: localhost\r\nHost: evil.example\r\n", "Host: evil.example\r\nHost: localhost\r\n",
			"Host: localhost\r\nHost: localhost\r\n" })
	void otherMissingOrRepeatedHostsAreRefused(String hostLines) throws IOException {
		String response = RawHttp.send(this.port, "GET /api/dashboard HTTP/1.1\r\n" + hostLines + "\r\n");
		assertProblem(response, 400);
		assertThat(response).doesNotContainIgnoringCase("evil.example").doesNotContain("169.254", "10.0.0.7");
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LocalHost", "127.0.0.1", "shop.example" })
	void publicHostsWithOrWithoutPortAreRouted(String host) throws IOException {
		assertThat(RawHttp.status(RawHttp.send(this.port,
				"GET /api/dashboard HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")))
			.isEqualTo(200);
		assertThat(RawHttp.status(RawHttp.send(this.port,
				"GET /api/dashboard HTTP/1.1\r\nHost: " + host + ":" + this.port + "\r\nConnection: close\r\n\r\n")))
			.isEqualTo(200);
		WEB.verify(2, getRequestedFor(urlEqualTo("/api/dashboard")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data", "http://evil.example/api/dashboard",
			"https://evil.example:443/api/dashboard", "http://localhost@evil.example/api/dashboard" })
	void absoluteFormForAnotherAuthorityIsRefusedEvenWithAPublicHost(String target) throws IOException {
		String response = RawHttp.send(this.port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertProblem(response, 400);
		assertThat(response).doesNotContain("169.254").doesNotContainIgnoringCase("evil.example");
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void absoluteFormForAPublicAuthorityIsRoutedByItsPath() throws IOException {
		String response = RawHttp.send(this.port,
				"GET http://localhost:" + this.port + "/api/dashboard HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(200);
		WEB.verify(getRequestedFor(urlEqualTo("/api/dashboard")));
	}

	@Test
	void forwardedHostFromATrustedProxyIsKeptOnlyWhenPublic() throws IOException {
		// loopback is a trusted proxy in the test context
		RawHttp.send(this.port, "GET /api/dashboard HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Forwarded-Host: evil.example\r\nForwarded: for=203.0.113.9;host=evil.example\r\n\r\n");
		RawHttp.send(this.port, "GET /api/public HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Forwarded-Host: shop.example\r\nForwarded: for=203.0.113.9;host=shop.example\r\n\r\n");
		WEB.verify(getRequestedFor(urlEqualTo("/api/dashboard")).withHeader("X-Forwarded-Host", equalTo("localhost"))
			.withHeader("Forwarded", equalTo("for=127.0.0.1;proto=http;host=\"localhost\"")));
		WEB.verify(getRequestedFor(urlEqualTo("/api/public")).withHeader("X-Forwarded-Host", equalTo("shop.example"))
			.withHeader("Forwarded",
					equalTo("for=203.0.113.9;host=shop.example, for=127.0.0.1;proto=http;host=\"localhost\"")));
	}

	@Test
	void probesAndTheManagementPortAnswerAnyHost() throws IOException {
		// orchestrators probe the pod's address
		for (String path : new String[] { "/livez", "/readyz" }) {
			assertThat(RawHttp.status(RawHttp.send(this.port,
					"GET " + path + " HTTP/1.1\r\nHost: 10.0.0.7:8080\r\nConnection: close\r\n\r\n")))
				.isEqualTo(200);
		}
		assertThat(RawHttp.status(RawHttp.send(this.managementPort,
				"GET /actuator/health HTTP/1.1\r\nHost: 10.0.0.7:9080\r\nConnection: close\r\n\r\n")))
			.isEqualTo(200);
	}

}
