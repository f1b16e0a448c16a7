package dev.bfftemplate.web.session;

import java.util.HashMap;
import java.util.Map;

import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.web.WebBffApplication;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInProviderInitializer;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebBffTest
class SharedSessionTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aSessionStartedOnOneInstanceWorksOnAnotherAndEndsOnBoth(RedisEndpoint redis) {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		// A second instance on the same Redis: also what a restarted instance sees.
		try (ConfigurableApplicationContext other = startAnotherInstance(redis)) {
			WebTestClient otherClient = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + other.getEnvironment().getProperty("local.server.port"))
				.build();
			browser.fromAppVia(otherClient, HttpMethod.GET, "/bff/user")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.name")
				.isEqualTo("Alice Example");
			browser.fromAppVia(otherClient, HttpMethod.POST, "/bff/logout").exchange().expectStatus().isOk();
			browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isUnauthorized();
		}
	}

	private static ConfigurableApplicationContext startAnotherInstance(RedisEndpoint redis) {
		Map<String, Object> properties = new HashMap<>(StandInProviderInitializer.properties());
		properties.put("spring.data.redis.host", redis.host());
		properties.put("spring.data.redis.port", redis.port());
		properties.put("server.port", 0);
		properties.put("management.server.port", -1);
		// As command-line arguments, which win over application.yaml like the test's own.
		String[] arguments = properties.entrySet()
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

}
