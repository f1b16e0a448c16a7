package dev.bfftemplate.demo.services;

import dev.bfftemplate.test.redis.RealRedisConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see
 * {@link RealRedisConfiguration}).
 */
public class TestDemoServicesApplication {

	public static void main(String[] args) {
		SpringApplication.from(DemoServicesApplication::main).with(RealRedisConfiguration.class).run(args);
	}

}
