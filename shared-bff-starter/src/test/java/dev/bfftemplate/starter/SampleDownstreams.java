package dev.bfftemplate.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The stand-in downstreams of the {@link SampleBffApplication}: one WireMock server for
 * the JVM, each group under its own path prefix, and a loopback port where nothing
 * listens.
 */
public final class SampleDownstreams implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static WireMockServer server;

	/**
	 * The WireMock server, started on first use and stopped with the JVM.
	 * @return the server
	 */
	public static synchronized WireMockServer server() {
		if (server == null) {
			server = WireMockDownstreams.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("sampleDownstreams", Map.of("sample.downstreams.url", server().baseUrl(),
					"sample.downstreams.closed-port", closedPort())));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
