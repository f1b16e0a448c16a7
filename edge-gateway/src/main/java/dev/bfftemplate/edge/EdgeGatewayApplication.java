package dev.bfftemplate.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The thin Spring Cloud Gateway edge in front of the BFFs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(EdgeGatewayApplication.class, args);
	}

}
