package dev.bfftemplate.partner;

import dev.bfftemplate.test.redis.RealRedis;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see {@link RealRedis}).
 */
public class TestPartnerBffApplication {

	public static void main(String[] args) {
		SpringApplication.from(PartnerBffApplication::main).run(RealRedis.arguments(args));
	}

}
