package dev.bfftemplate.demo.services.customers;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebFluxTest(CustomersController.class)
@Import(DemoDataConfiguration.class)
class CustomersControllerTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aliceIsCustomerOne() {
		this.client.get()
			.uri("/customers/c-001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("c-001")
			.jsonPath("$.name")
			.isEqualTo("Alice Anders")
			.jsonPath("$.email")
			.isEqualTo("alice@example.test")
			.jsonPath("$.tier")
			.value((String tier) -> assertThat(tier).isIn("bronze", "silver", "gold", "platinum"))
			.jsonPath("$.memberSince")
			.value((String date) -> assertThat(date).matches("\\d{4}-\\d{2}-\\d{2}"));
	}

	@Test
	void bobIsCustomerTwo() {
		this.client.get()
			.uri("/customers/c-002")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Bob Berg");
	}

	@Test
	void unknownCustomerIsNotFoundProblem() {
		this.client.get()
			.uri("/customers/c-051")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Customer not found");
	}

}
