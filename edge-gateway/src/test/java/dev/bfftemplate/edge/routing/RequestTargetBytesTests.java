package dev.bfftemplate.edge.routing;

import java.io.IOException;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths and queries reach the BFF byte for byte: the edge neither decodes nor encodes
 * them again. Sent over a raw socket, since HTTP clients normalise some of these.
 */
@EdgeGatewayTest
class RequestTargetBytesTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void stubWebBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/search?q=a=b%20c", "/api/search?q=a%3Db%26c", "/api/search?q=%25",
			"/api/search?q=100%25%20sure", "/api/search?q=a+b&plus=%2B", "/api/search?q=a;b&r=%3B",
			"/api/search?city=Z%C3%BCrich&q=%E2%82%AC", "/api/search?a=&b=&c", "/api/search?tag=x&tag=y&tag=",
			"/api/search?filter[name]=x&p=%27", "/api/search?next=https%3A%2F%2Fshop.example%2Fa%3Fb%3Dc%26d",
			"/api/search?q=%2F%3F%23&empty=", "/api/files/a%20b/caf%C3%A9?v=1", "/api/files/a+b/%40me",
			"/api/search?q=a%20b=c%20d&q=e" })
	void pathAndQueryReachTheBffUnchanged(String target) throws IOException {
		String response = RawHttp.send(this.port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(200);
		List<LoggedRequest> received = WEB.findAll(anyRequestedFor(anyUrl()));
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getUrl()).isEqualTo(target);
	}

}
