package dev.bfftemplate.demo.services;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stand-in domain services with fault injection, for demos and tests.
 */
@SpringBootApplication
public class DemoServicesApplication {

	public static void main(String[] args) {
		SpringApplication.run(DemoServicesApplication.class, args);
	}

}
