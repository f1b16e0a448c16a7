package dev.bfftemplate.starter.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operational defaults every BFF shares come from the starter, below everything the
 * application says.
 */
class BffDefaultsEnvironmentPostProcessorTests {

	@Test
	void defaultsApplyAndTheApplicationsOwnValuesWin() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.config.name=bff-defaults-tests",
				"--management.endpoints.web.exposure.include=health")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.webflux.problemdetails.enabled")).isEqualTo("true");
			assertThat(environment.getProperty("spring.http.clients.redirects")).isEqualTo("dont-follow");
			assertThat(environment.getProperty("management.endpoint.health.probes.add-additional-paths"))
				.isEqualTo("true");
			// from the application's YAML and its command line
			assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
			assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
			assertThat(environment.getPropertySources().stream().map((source) -> source.getName()))
				.contains(BffDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
