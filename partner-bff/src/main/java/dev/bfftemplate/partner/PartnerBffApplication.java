package dev.bfftemplate.partner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Backend-for-Frontend of partners: the versioned partner API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerBffApplication {

	public static void main(String[] args) {
		SpringApplication.run(PartnerBffApplication.class, args);
	}

}
