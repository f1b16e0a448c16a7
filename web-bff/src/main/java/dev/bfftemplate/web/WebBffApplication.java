package dev.bfftemplate.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Backend-for-Frontend of the browser app: the token handler and its screens.
 */
@SpringBootApplication
public class WebBffApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebBffApplication.class, args);
	}

}
