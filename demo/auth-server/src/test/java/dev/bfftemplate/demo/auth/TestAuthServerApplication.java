package dev.bfftemplate.demo.auth;

import dev.bfftemplate.test.redis.RealRedisConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see
 * {@link RealRedisConfiguration}).
 */
public class TestAuthServerApplication {

	public static void main(String[] args) {
		SpringApplication.from(AuthServerApplication::main).with(RealRedisConfiguration.class).run(args);
	}

}
