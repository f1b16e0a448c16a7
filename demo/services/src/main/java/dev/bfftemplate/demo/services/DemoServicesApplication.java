package dev.bfftemplate.demo.services;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stand-in domain services with fault injection, for demos and tests.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoServicesApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoServicesApplication.class, args);
	}

}
