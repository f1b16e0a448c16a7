package dev.bfftemplate.edge.tls;

import java.io.IOException;
import java.security.cert.X509Certificate;

import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.RawHttp;
import dev.bfftemplate.edge.StandaloneGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS termination with the certificate generated at start, and the plain HTTP port that
 * redirects to HTTPS. The client trusts exactly the generated certificate.
 */
class TlsTests {

	private static ConfigurableApplicationContext gateway;

	private static WebTestClient https;

	private static WebTestClient plainRedirect;

	private static int httpsPort;

	private static int redirectPort;

	@BeforeAll
	static void startGateway() throws Exception {
		gateway = StandaloneGateway.start("edge.tls.self-signed=true", "edge.tls.redirect.enabled=true",
				"edge.tls.redirect.port=0");
		httpsPort = StandaloneGateway.port(gateway);
		X509Certificate certificate = (X509Certificate) gateway.getBean(SslBundles.class)
			.getBundle(SelfSignedTlsConfiguration.BUNDLE)
			.getStores()
			.getKeyStore()
			.getCertificate(SelfSignedCertificate.ALIAS);
		Http11SslContextSpec trust = Http11SslContextSpec.forClient()
			.configure((builder) -> builder.trustManager(certificate));
		HttpClient trustingGeneratedCertificate = HttpClient.create().secure((spec) -> spec.sslContext(trust));
		https = EdgeTestEnvironment
			.waitsForAnAnswer(WebTestClient.bindToServer(new ReactorClientHttpConnector(trustingGeneratedCertificate))
				.baseUrl("https://localhost:" + httpsPort))
			.build();
		redirectPort = gateway.getBean(HttpsRedirectServer.class).getPort();
		plainRedirect = EdgeTestEnvironment
			.waitsForAnAnswer(WebTestClient.bindToServer().baseUrl("http://localhost:" + redirectPort))
			.build();
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@BeforeEach
	void stubWebBff() {
		EdgeTestEnvironment.reset();
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("web")));
	}

	@Test
	void routesOverTlsWithHsts() {
		https.get()
			.uri("/api/dashboard")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Strict-Transport-Security", "max-age=\\d+.*")
			.expectBody(String.class)
			.isEqualTo("web");
		WEB.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void plainHttpPortRedirectsToTheSameUrlOverHttpsWithoutHsts() {
		plainRedirect.get()
			.uri("/api/dashboard?page=2")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PERMANENT_REDIRECT)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://localhost:" + httpsPort + "/api/dashboard?page=2")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void redirectPortRefusesAnInvalidHost() throws IOException {
		String response = RawHttp.send(redirectPort, "GET /api/dashboard HTTP/1.1\r\nHost: bad host\r\n\r\n");
		assertThat(RawHttp.status(response)).isEqualTo(400);
		assertThat(response).doesNotContainIgnoringCase("Location:");
	}

}
