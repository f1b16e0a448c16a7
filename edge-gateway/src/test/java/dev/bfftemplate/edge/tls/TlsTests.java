package dev.bfftemplate.edge.tls;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.ProblemAnswers;
import dev.bfftemplate.edge.RawHttp;
import dev.bfftemplate.edge.StandaloneGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * TLS termination with the certificate generated at start (the modern profile: TLS 1.3
 * and 1.2 with ECDHE and AEAD suites, no client renegotiation, HTTP/2 by ALPN), and the
 * plain HTTP port that redirects to HTTPS. The clients trust exactly the generated
 * certificate.
 */
class TlsTests {

	private static ConfigurableApplicationContext gateway;

	private static WebTestClient https;

	private static WebTestClient plainRedirect;

	private static int httpsPort;

	private static int redirectPort;

	private static SSLContext trustingTheCertificate;

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
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("edge", certificate);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		trustingTheCertificate = SSLContext.getInstance("TLS");
		trustingTheCertificate.init(null, trustManagers.getTrustManagers(), null);
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

	@ParameterizedTest
	@ValueSource(strings = { "bad host", "evil.example", "evil.example:8080" })
	void redirectPortRefusesHostsThatAreNotPublic(String host) throws IOException {
		String response = RawHttp.send(redirectPort, "GET /api/dashboard HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
		ProblemAnswers.assertProblem(response, 400);
		assertThat(response).doesNotContainIgnoringCase("Location:").doesNotContain(host);
	}

	@Test
	void servesTls13AndTls12WithEcdheAndAeadSuites() throws IOException {
		try (SSLSocket socket = handshake("TLSv1.3", null, null)) {
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
		}
		for (String suite : new String[] { "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
				"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" }) {
			try (SSLSocket socket = handshake("TLSv1.2", suite, null)) {
				assertThat(socket.getSession().getCipherSuite()).isEqualTo(suite);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
			"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
			"TLS_DHE_RSA_WITH_AES_128_GCM_SHA256" })
	void staticRsaCbcAndFiniteFieldSuitesAreRefused(String suite) throws Exception {
		// the client offers it, so a failed handshake is the server's refusal
		assertThat(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()).contains(suite);
		assertThatExceptionOfType(SSLException.class).isThrownBy(() -> handshake("TLSv1.2", suite, null).close());
	}

	@Test
	void clientInitiatedRenegotiationIsRefused() throws IOException {
		try (SSLSocket socket = handshake("TLSv1.2", null, null)) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
				socket.startHandshake();
				String response = exchange(socket, "GET /api/dashboard HTTP/1.1\r\nHost: localhost\r\n\r\n");
				if (response.isEmpty()) {
					throw new EOFException("closed without an answer");
				}
			});
		}
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void alpnOffersHttp2() throws Exception {
		try (SSLSocket socket = handshake("TLSv1.3", null, new String[] { "h2", "http/1.1" })) {
			assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
		}
		java.net.http.HttpClient http2 = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_2)
			.sslContext(trustingTheCertificate)
			.build();
		HttpResponse<String> response = http2
			.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/api/dashboard"))
				.timeout(EdgeTestEnvironment.ANSWER_TIMEOUT)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
		assertThat(response.body()).isEqualTo("web");
	}

	@Test
	void codecErrorsOverTlsAreProblemsToo() throws IOException {
		try (SSLSocket socket = handshake("TLSv1.3", null, new String[] { "http/1.1" })) {
			String response = exchange(socket,
					"GET /api/dashboard HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
			ProblemAnswers.assertProblem(response, 431);
		}
		WEB.verify(0, anyRequestedFor(anyUrl()));
	}

	private static SSLSocket handshake(String protocol, String suite, String[] applicationProtocols)
			throws IOException {
		SSLSocket socket = (SSLSocket) trustingTheCertificate.getSocketFactory().createSocket("localhost", httpsPort);
		socket.setSoTimeout((int) EdgeTestEnvironment.ANSWER_TIMEOUT.toMillis());
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setProtocols(new String[] { protocol });
		if (suite != null) {
			parameters.setCipherSuites(new String[] { suite });
		}
		if (applicationProtocols != null) {
			parameters.setApplicationProtocols(applicationProtocols);
		}
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return socket;
	}

	// the answers here close the connection (Connection: close, or a TLS alert)
	private static String exchange(SSLSocket socket, String request) throws IOException {
		socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
		return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
	}

}
