package dev.bfftemplate.demo.services.inventory;

import java.util.function.IntPredicate;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Product;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(InventoryController.class)
@Import(DemoDataConfiguration.class)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryControllerTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DemoDataset dataset;

	@Test
	void productWithPlentyOfStockIsInStock() {
		assertStock(productWithStock((available) -> available > 10), "in-stock");
	}

	@Test
	void productWithTenOrFewerUnitsIsLow() {
		assertStock(productWithStock((available) -> available > 0 && available <= 10), "low");
	}

	@Test
	void productWithNoUnitsIsOut() {
		assertStock(productWithStock((available) -> available == 0), "out");
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		this.client.get()
			.uri("/inventory/stock/p-000")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private void assertStock(Product product, String status) {
		this.client.get()
			.uri("/inventory/stock/{id}", product.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.productId")
			.isEqualTo(product.id())
			.jsonPath("$.available")
			.isEqualTo(product.stock())
			.jsonPath("$.warehouse")
			.isEqualTo(product.warehouse())
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	private Product productWithStock(IntPredicate available) {
		return this.dataset.products()
			.stream()
			.filter((product) -> available.test(product.stock()))
			.findFirst()
			.orElseThrow();
	}

}
