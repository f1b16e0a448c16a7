package dev.bfftemplate.web.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.bfftemplate.web.WebBffApplication;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts one more web-bff instance on a random port, pointed at the stand-in provider and
 * downstreams and at a given Redis, for tests of several instances or of a Redis of their
 * own.
 */
public final class AnotherWebBff {

	/** Long enough for a cold first request, short enough that a hang fails fast. */
	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

	private AnotherWebBff() {
	}

	/**
	 * Starts an instance.
	 * @param redisHost the Redis host
	 * @param redisPort the Redis port
	 * @param properties more properties, which win over the defaults
	 * @return the running instance; close it to stop
	 */
	public static ConfigurableApplicationContext start(String redisHost, int redisPort,
			Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(StandInProviderInitializer.properties());
		all.put("spring.data.redis.host", redisHost);
		all.put("spring.data.redis.port", redisPort);
		all.put("server.port", 0);
		all.put("management.server.port", -1);
		all.putAll(properties);
		// As command-line arguments, which win over application.yaml like the test's own.
		String[] arguments = all.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		// Own Reactor Netty resources: closing this instance must not dispose the global
		// ones that the test's own instance uses.
		return new SpringApplicationBuilder(WebBffApplication.class)
			.initializers((context) -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof ReactorResourceFactory resources) {
						resources.setUseGlobalResources(false);
					}
					return bean;
				}
			}))
			.run(arguments);
	}

	/**
	 * A client of a started instance.
	 * @param instance the instance
	 * @return the client
	 */
	public static WebTestClient client(ConfigurableApplicationContext instance) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(CLIENT_TIMEOUT)
			.build();
	}

}
