package dev.bfftemplate.mobile;

import dev.bfftemplate.test.redis.RealRedisConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see
 * {@link RealRedisConfiguration}).
 */
public class TestMobileBffApplication {

	public static void main(String[] args) {
		SpringApplication.from(MobileBffApplication::main).with(RealRedisConfiguration.class).run(args);
	}

}
