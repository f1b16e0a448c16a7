package dev.bfftemplate.mobile;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Backend-for-Frontend of the mobile app: compact screen-shaped endpoints.
 */
@SpringBootApplication
public class MobileBffApplication {

	public static void main(String[] args) {
		SpringApplication.run(MobileBffApplication.class, args);
	}

}
