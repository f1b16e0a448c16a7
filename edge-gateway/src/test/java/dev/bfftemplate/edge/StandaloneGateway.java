package dev.bfftemplate.edge;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A gateway started as its own application in front of {@link EdgeTestEnvironment}'s
 * stand-ins, for tests that need other start-up properties or close the gateway. It has
 * its own Reactor Netty resources, so closing it leaves the shared test context's event
 * loops alone.
 */
public final class StandaloneGateway {

	private StandaloneGateway() {
	}

	/**
	 * Start a gateway on free ports, counting rate limits in memory.
	 * @param extra further properties as {@code key=value}
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of(EdgeTestEnvironment.upstreamProperties()));
		properties.addAll(List.of("server.port=0", "management.server.port=0"));
		properties.addAll(List.of(extra));
		// command-line arguments, so they win over application.yaml
		return new SpringApplicationBuilder(EdgeGatewayApplication.class, OwnNettyResources.class)
			.run(properties.stream().map((property) -> "--" + property).toArray(String[]::new));
	}

	/**
	 * The public port of a started gateway.
	 * @param context the gateway
	 * @return its port
	 */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnNettyResources {

		@Bean
		ReactorResourceFactory reactorResourceFactory() {
			ReactorResourceFactory factory = new ReactorResourceFactory();
			factory.setUseGlobalResources(false);
			return factory;
		}

	}

}
