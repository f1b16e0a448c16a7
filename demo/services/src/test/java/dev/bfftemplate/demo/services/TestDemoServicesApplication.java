package dev.bfftemplate.demo.services;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE with the test classpath. The demo services keep
 * everything in memory, so unlike the BFFs they need no Redis.
 */
public class TestDemoServicesApplication {

	public static void main(String[] args) {
		SpringApplication.from(DemoServicesApplication::main).run(args);
	}

}
