package dev.bfftemplate.demo.services.catalog;

import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(CatalogController.class)
@Import(DemoDataConfiguration.class)
class CatalogControllerTests {

	@Autowired
	private WebTestClient client;

	@Test
	void productHasItsCatalogDetails() {
		this.client.get()
			.uri("/catalog/products/p-001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("p-001")
			.jsonPath("$.name")
			.isNotEmpty()
			.jsonPath("$.description")
			.isNotEmpty()
			.jsonPath("$.category")
			.isNotEmpty()
			.jsonPath("$.brand")
			.isNotEmpty()
			.jsonPath("$.imageUrl")
			.isEqualTo("https://images.example.com/products/p-001.jpg")
			.jsonPath("$.price")
			.doesNotExist()
			.jsonPath("$.stock")
			.doesNotExist();
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		this.client.get()
			.uri("/catalog/products/p-999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("No product with id 'p-999'");
	}

	@Test
	void pageHoldsTheRequestedSliceAndTheTotals() {
		this.client.get()
			.uri("/catalog/products?page=1&size=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(List.of("p-003", "p-004"))
			.jsonPath("$.page")
			.isEqualTo(1)
			.jsonPath("$.size")
			.isEqualTo(2)
			.jsonPath("$.totalElements")
			.isEqualTo(300)
			.jsonPath("$.totalPages")
			.isEqualTo(150);
	}

	@Test
	void lastPageIsShortAndPagesBeyondItAreEmpty() {
		this.client.get()
			.uri("/catalog/products?page=4&size=70")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(20)
			.jsonPath("$.items[0].id")
			.isEqualTo("p-281")
			.jsonPath("$.totalPages")
			.isEqualTo(5);
		this.client.get()
			.uri("/catalog/products?page=5&size=70")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(0);
	}

	@Test
	void defaultPageIsTheFirstTwenty() {
		this.client.get()
			.uri("/catalog/products")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(20)
			.jsonPath("$.items[0].id")
			.isEqualTo("p-001");
	}

	@Test
	void pageSizeIsBounded() {
		this.client.get()
			.uri("/catalog/products?size=101")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("size")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be less than or equal to 100");
	}

	@Test
	void negativePageAndNonNumericSizeAreBadRequests() {
		this.client.get().uri("/catalog/products?page=-1").exchange().expectStatus().isBadRequest();
		this.client.get()
			.uri("/catalog/products?size=ten")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
