package dev.bfftemplate.demo.services.fault;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The {@code faults} actuator endpoint, driven over HTTP on the management port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@AutoConfigureWebTestClient
class FaultsEndpointTests {

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private WebTestClient client;

	@Autowired
	private FaultRegistry registry;

	private WebTestClient management;

	@BeforeEach
	void bindToManagementPort() {
		this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	@AfterEach
	void resetFaults() {
		this.registry.resetAll();
	}

	@Test
	void listsEveryServiceWithFaultsOff() {
		this.management.get()
			.uri("/actuator/faults")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(7)
			.jsonPath("$.catalog.active")
			.isEqualTo(false)
			.jsonPath("$.recommendations.errorRate")
			.isEqualTo(0.0)
			.jsonPath("$.orders.latency")
			.isEqualTo("PT0S");
	}

	@Test
	void settingFaultsChangesTheServiceAtRuntimeAndDeleteResetsIt() {
		this.client.get().uri("/pricing/prices/p-001").exchange().expectStatus().isOk().expectBody(Void.class);
		this.management.post()
			.uri("/actuator/faults/pricing")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("errorRate", 1, "errorStatus", 502))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errorRate")
			.isEqualTo(1.0)
			.jsonPath("$.errorStatus")
			.isEqualTo(502);
		this.client.get().uri("/pricing/prices/p-001").exchange().expectStatus().isEqualTo(502).expectBody(Void.class);
		this.management.delete()
			.uri("/actuator/faults/pricing")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
		this.client.get().uri("/pricing/prices/p-001").exchange().expectStatus().isOk().expectBody(Void.class);
	}

	@Test
	void readsOneServiceAfterSettingIt() {
		this.management.post()
			.uri("/actuator/faults/reviews")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("latency", "2s", "errorRate", 0.5))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
		this.management.get()
			.uri("/actuator/faults/reviews")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.latency")
			.isEqualTo("PT2S")
			.jsonPath("$.errorRate")
			.isEqualTo(0.5)
			.jsonPath("$.hangRate")
			.isEqualTo(0.0)
			.jsonPath("$.active")
			.isEqualTo(true);
	}

	@Test
	void postingReplacesEarlierFaultsOfTheService() {
		post("customers", Map.of("hangRate", 1));
		post("customers", Map.of("latency", "10ms"));
		this.management.get()
			.uri("/actuator/faults/customers")
			.exchange()
			.expectBody()
			.jsonPath("$.hangRate")
			.isEqualTo(0.0)
			.jsonPath("$.latency")
			.isEqualTo("PT0.01S");
	}

	@Test
	void deleteWithoutServiceResetsEveryService() {
		post("catalog", Map.of("errorRate", 1));
		post("orders", Map.of("resetRate", 1));
		this.management.delete()
			.uri("/actuator/faults")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.catalog.active")
			.isEqualTo(false)
			.jsonPath("$.orders.active")
			.isEqualTo(false);
		this.client.get().uri("/catalog/products/p-001").exchange().expectStatus().isOk().expectBody(Void.class);
	}

	@Test
	void outOfRangeValuesAreRejected() {
		this.management.post()
			.uri("/actuator/faults/reviews")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("errorRate", 1.5, "latency", "-1s", "errorStatus", 404))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors.errorRate")
			.exists()
			.jsonPath("$.errors.latency")
			.exists()
			.jsonPath("$.errors.errorStatus")
			.exists();
		this.management.get()
			.uri("/actuator/faults/reviews")
			.exchange()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
	}

	@Test
	void unknownServiceIsNotFound() {
		this.management.get()
			.uri("/actuator/faults/payments")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(Void.class);
		this.management.post()
			.uri("/actuator/faults/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("errorRate", 1))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(Void.class);
	}

	@Test
	void faultsAreNotReachableOnThePublicPort() {
		this.client.get().uri("/actuator/faults").exchange().expectStatus().isNotFound().expectBody(Void.class);
		this.client.post()
			.uri("/actuator/faults/catalog")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("errorRate", 1))
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectBody(Void.class);
		this.client.get().uri("/catalog/products/p-001").exchange().expectStatus().isOk().expectBody(Void.class);
	}

	private void post(String service, Map<String, Object> faults) {
		this.management.post()
			.uri("/actuator/faults/{service}", service)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(faults)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
	}

}
