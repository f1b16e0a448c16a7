package dev.bfftemplate.test.wiremock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * WireMock servers on free loopback ports, standing in for downstream services.
 * <p>
 * Use {@link #extension()} as a {@code @RegisterExtension} static field, or
 * {@link #start()} where a test manages the lifecycle itself.
 */
public final class WireMockDownstreams {

	private WireMockDownstreams() {
	}

	/**
	 * The configuration every stand-in uses: a free loopback port, no HTTPS, enough
	 * container threads for fan-out tests that hold many requests at once.
	 * @return a fresh configuration
	 */
	public static WireMockConfiguration options() {
		return WireMockConfiguration.wireMockConfig()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(64)
			.jettyAcceptors(1)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(32);
	}

	/**
	 * A JUnit extension running one stand-in for the test class.
	 * @return the extension
	 */
	public static WireMockExtension extension() {
		return WireMockExtension.newInstance().options(options()).build();
	}

	/**
	 * Starts a stand-in; the caller stops it.
	 * @return the running server
	 */
	public static WireMockServer start() {
		WireMockServer server = new WireMockServer(options());
		server.start();
		return server;
	}

}
