package dev.bfftemplate.web;

import dev.bfftemplate.test.redis.RealRedisConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see
 * {@link RealRedisConfiguration}).
 */
public class TestWebBffApplication {

	public static void main(String[] args) {
		SpringApplication.from(WebBffApplication::main).with(RealRedisConfiguration.class).run(args);
	}

}
