package dev.bfftemplate.mobile;

import dev.bfftemplate.test.redis.RealRedis;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see {@link RealRedis}).
 */
public class TestMobileBffApplication {

	public static void main(String[] args) {
		SpringApplication.from(MobileBffApplication::main).run(RealRedis.arguments(args));
	}

}
