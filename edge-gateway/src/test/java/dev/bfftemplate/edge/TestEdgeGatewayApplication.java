package dev.bfftemplate.edge;

import dev.bfftemplate.test.redis.RealRedisConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application from an IDE against a real Redis (see
 * {@link RealRedisConfiguration}).
 */
public class TestEdgeGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.from(EdgeGatewayApplication::main).with(RealRedisConfiguration.class).run(args);
	}

}
