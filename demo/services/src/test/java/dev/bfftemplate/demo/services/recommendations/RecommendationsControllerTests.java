package dev.bfftemplate.demo.services.recommendations;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebFluxTest(RecommendationsController.class)
@Import({ DemoDataConfiguration.class, Recommender.class })
class RecommendationsControllerTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DemoDataset dataset;

	@Test
	void recommendsInStockProductsTheCustomerHasNotBought() {
		Set<String> bought = this.dataset.orders()
			.stream()
			.filter((order) -> order.customerId().equals("c-001"))
			.map(PlacedOrder::productId)
			.collect(Collectors.toSet());
		Recommendations recommendations = recommendations("c-001", 5);
		assertThat(recommendations.items()).hasSize(5).allSatisfy((item) -> {
			assertThat(bought).doesNotContain(item.productId());
			assertThat(this.dataset.product(item.productId()).orElseThrow().stock()).isPositive();
			assertThat(item.name()).isEqualTo(this.dataset.product(item.productId()).orElseThrow().name());
		});
	}

	@Test
	void firstRecommendationIsFromTheCategoryTheCustomerBuysMost() {
		Map<String, Long> categories = this.dataset.orders()
			.stream()
			.filter((order) -> order.customerId().equals("c-002"))
			.collect(Collectors.groupingBy((order) -> this.dataset.product(order.productId()).orElseThrow().category(),
					Collectors.counting()));
		long most = categories.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		String first = recommendations("c-002", 1).items().get(0).productId();
		assertThat(categories.get(this.dataset.product(first).orElseThrow().category())).isEqualTo(most);
	}

	@Test
	void sameCustomerGetsTheSameRecommendations() {
		assertThat(recommendations("c-003", 10)).isEqualTo(recommendations("c-003", 10));
	}

	@Test
	void unknownCustomerIsNotFoundProblem() {
		this.client.get()
			.uri("/recommendations/customers/c-999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void limitIsBounded() {
		this.client.get().uri("/recommendations/customers/c-001?limit=0").exchange().expectStatus().isBadRequest();
	}

	private Recommendations recommendations(String customerId, int limit) {
		Recommendations recommendations = this.client.get()
			.uri("/recommendations/customers/{id}?limit={limit}", customerId, limit)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Recommendations.class)
			.returnResult()
			.getResponseBody();
		assertThat(recommendations).isNotNull();
		assertThat(recommendations.customerId()).isEqualTo(customerId);
		return recommendations;
	}

}
