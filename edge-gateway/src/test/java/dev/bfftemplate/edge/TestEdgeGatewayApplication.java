package dev.bfftemplate.edge;

import dev.bfftemplate.test.redis.RealRedis;

import org.springframework.boot.SpringApplication;

/**
 * Runs the edge from an IDE against a real Redis (see {@link RealRedis}), in front of
 * whatever BFFs run on their default ports.
 */
public class TestEdgeGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.from(EdgeGatewayApplication::main).run(RealRedis.arguments(args));
	}

}
