package dev.bfftemplate.edge;

import java.util.LinkedHashMap;
import java.util.Map;

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
	 * Start a gateway on free ports, counting rate limits in memory, with
	 * {@link EdgeTestEnvironment#patientTimeouts() patient timeouts}.
	 * @param extra further properties as {@code key=value}, each replacing any default of
	 * the same name
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(String... extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		put(properties, EdgeTestEnvironment.upstreamProperties());
		properties.putAll(EdgeTestEnvironment.patientTimeouts());
		put(properties, "server.port=0", "management.server.port=0");
		put(properties, extra);
		// command-line arguments, so they win over application.yaml; each name once (a
		// repeated argument would be a list)
		return new SpringApplicationBuilder(EdgeGatewayApplication.class, OwnNettyResources.class)
			.run(properties.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
	}

	/**
	 * The public port of a started gateway.
	 * @param context the gateway
	 * @return its port
	 */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void put(Map<String, Object> properties, String... keyValues) {
		for (String keyValue : keyValues) {
			String[] nameAndValue = keyValue.split("=", 2);
			properties.put(nameAndValue[0], nameAndValue[1]);
		}
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
