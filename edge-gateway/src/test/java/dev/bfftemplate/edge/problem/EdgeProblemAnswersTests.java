package dev.bfftemplate.edge.problem;

import java.io.IOException;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.bfftemplate.edge.EdgeGatewayTest;
import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.RawHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static dev.bfftemplate.edge.ProblemAnswers.assertProblem;

/**
 * Every error status the edge answers by itself, each a problem with a trace id and no
 * internals: from Netty's codec (414, 431, malformed requests), the public-request guard
 * (host, request target), the web filters (405, 413, underscores), Spring Security (400
 * firewall, 401, 403 CORS), routing (404), the rate limit (429) and upstream faults (502,
 * 503; 504 in {@link dev.bfftemplate.edge.routing.RouteTimeoutTests}, whose context has a
 * short route timeout).
 */
@EdgeGatewayTest
class EdgeProblemAnswersTests {

	private static final String HOST = "Host: localhost\r\n";

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	void stubBffs() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@AfterEach
	void closeBreaker() {
		this.circuitBreakers.circuitBreaker("partner-bff").reset();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					backslash in the path                 | 400 | GET /api\\dashboard HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					non-normalised path                   | 400 | GET /api/%2e%2e/actuator HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					Content-Length and Transfer-Encoding  | 400 | POST /api/orders HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Length: 4\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n
					CR in a header value                  | 400 | GET /api/dashboard HTTP/1.1\\r\\nHost: localhost\\r\\nX-Note: a\\rInjected: yes\\r\\n\\r\\n
					other host                            | 400 | GET /api/dashboard HTTP/1.1\\r\\nHost: evil.example\\r\\n\\r\\n
					absolute-form for another authority   | 400 | GET http://169.254.169.254/latest/meta-data HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					header name with an underscore        | 400 | GET /api/dashboard HTTP/1.1\\r\\nHost: localhost\\r\\nX_User_Id: admin\\r\\n\\r\\n
					no bearer token                       | 401 | GET /mobile/v1/home HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					origin not allowed                    | 403 | GET /api/dashboard HTTP/1.1\\r\\nHost: localhost\\r\\nOrigin: https://evil.example\\r\\n\\r\\n
					preflight from an origin not allowed  | 403 | OPTIONS /api/dashboard HTTP/1.1\\r\\nHost: localhost\\r\\nOrigin: https://evil.example\\r\\nAccess-Control-Request-Method: GET\\r\\n\\r\\n
					not public                            | 404 | GET /actuator/health HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					TRACE                                 | 405 | TRACE /api/dashboard HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					unknown method                        | 405 | PROPFIND /api/dashboard HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n
					""")
	void errorsOfTheRequestItself(String name, int status, String request) throws IOException {
		assertProblem(RawHttp.send(this.port, unescape(request)), status);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void bodyTooLarge() throws IOException {
		String body = "x".repeat(2048);
		assertProblem(
				RawHttp.send(this.port, "POST /api/orders HTTP/1.1\r\n" + HOST
						+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body),
				413);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void requestLineTooLong() throws IOException {
		assertProblem(
				RawHttp.send(this.port, "GET /api/dashboard?q=" + "a".repeat(10_000) + " HTTP/1.1\r\n" + HOST + "\r\n"),
				414);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void headersTooLarge() throws IOException {
		assertProblem(RawHttp.send(this.port,
				"GET /api/dashboard HTTP/1.1\r\n" + HOST + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n"), 431);
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void overTheRateLimit() throws IOException {
		String client = "X-Forwarded-For: 198.51.100.7-" + UUID.randomUUID() + "\r\n";
		String request = "GET /partner/v1/products HTTP/1.1\r\n" + HOST + client + "\r\n";
		for (int i = 0; i < 3; i++) {
			RawHttp.send(this.port, request);
		}
		assertProblem(RawHttp.send(this.port, request), 429);
	}

	@Test
	void upstreamDroppingTheConnection() throws IOException {
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertProblem(callPartner(), 502);
	}

	@Test
	void upstreamBreakerOpen() throws IOException {
		this.circuitBreakers.circuitBreaker("partner-bff").transitionToForcedOpenState();
		assertProblem(callPartner(), 503);
		PARTNER.verify(0, anyRequestedFor(anyUrl()));
	}

	private String callPartner() throws IOException {
		// a fresh API key keeps the partner rate limit out of the way
		return RawHttp.send(this.port,
				"GET /partner/v1/orders HTTP/1.1\r\n" + HOST + "X-API-Key: " + UUID.randomUUID() + "\r\n\r\n");
	}

	private static String unescape(String request) {
		return request.replace("\\r", "\r").replace("\\n", "\n");
	}

}
