package dev.bfftemplate.demo.services;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application: every service answers under its base path, probes are on the
 * main port and the actuator only on the management port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureWebTestClient
class DemoServicesApplicationTests {

	@Autowired
	private WebTestClient client;

	@LocalManagementPort
	private int managementPort;

	@ParameterizedTest
	@ValueSource(strings = { "/catalog/products/p-300", "/catalog/products?page=0&size=5", "/inventory/stock/p-001",
			"/pricing/prices/p-001", "/reviews/products/p-001?limit=3", "/orders?customerId=c-001", "/customers/c-050",
			"/recommendations/customers/c-002?limit=5" })
	void everyServiceAnswersUnderItsBasePath(String path) {
		this.client.get().uri(path).exchange().expectStatus().isOk().expectBody(Void.class);
	}

	@Test
	void probesAreOnTheMainPort() {
		this.client.get().uri("/livez").exchange().expectStatus().isOk().expectBody(Void.class);
		this.client.get().uri("/readyz").exchange().expectStatus().isOk().expectBody(Void.class);
	}

	@Test
	void actuatorIsOnlyOnTheManagementPort() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isNotFound().expectBody(Void.class);
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
	}

}
