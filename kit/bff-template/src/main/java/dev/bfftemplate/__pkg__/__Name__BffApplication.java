package dev.bfftemplate.__pkg__;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Backend-for-Frontend of the __name__ clients: screen-shaped endpoints under
 * {@code /__name__/v1}, built on shared-bff-starter.
 */
@SpringBootApplication
public class __Name__BffApplication {

	public static void main(String[] args) {
		SpringApplication.run(__Name__BffApplication.class, args);
	}

}
