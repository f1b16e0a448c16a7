package dev.bfftemplate.demo.auth;

import org.springframework.boot.SpringApplication;

/**
 * Runs the demo OpenID provider from an IDE, on its usual port 9000. It keeps everything
 * in memory, so it needs no Redis.
 */
public class TestAuthServerApplication {

	public static void main(String[] args) {
		SpringApplication.from(AuthServerApplication::main).run(args);
	}

}
