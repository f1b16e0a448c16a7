package dev.bfftemplate.starter.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Adds the operational defaults every BFF shares ({@code bff-defaults.yaml} beside this
 * class: problem details, graceful shutdown, no downstream redirects, actuator exposure
 * and probes) as the property source {@code bff-defaults}, of the lowest precedence: any
 * value of the application, its profiles, the environment or the command line wins.
 */
class BffDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "bff-defaults";

	private static final Resource DEFAULTS = new ClassPathResource("bff-defaults.yaml",
			BffDefaultsEnvironmentPostProcessor.class);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		environment.getPropertySources().addLast(load());
	}

	private static PropertySource<?> load() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(PROPERTY_SOURCE_NAME, DEFAULTS);
			return sources.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
