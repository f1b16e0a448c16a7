package dev.bfftemplate.partner;

import dev.bfftemplate.test.redis.RealRedisConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see
 * {@link RealRedisConfiguration}).
 */
public class TestPartnerBffApplication {

	public static void main(String[] args) {
		SpringApplication.from(PartnerBffApplication::main).with(RealRedisConfiguration.class).run(args);
	}

}
