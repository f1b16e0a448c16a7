package dev.bfftemplate.demo.services.data;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Generates the demo data once at startup.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
public class DemoDataConfiguration {

	@Bean
	DemoDataset demoDataset(DemoDataProperties properties) {
		return new DemoDataGenerator(properties).generate();
	}

}
