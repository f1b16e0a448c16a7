package dev.bfftemplate.demo.services.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.orders.OrderHistoryController.OrderHistoryPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebFluxTest({ OrderHistoryController.class, OrdersController.class })
@Import({ DemoDataConfiguration.class, OrderBook.class, OrderRequestValidator.class, OrdersConfiguration.class })
@EnableConfigurationProperties(OrdersProperties.class)
class OrderHistoryControllerTests {

	@Autowired
	private WebTestClient client;

	@Test
	void pagesFollowEachOtherUntilTheLastOrder() {
		CustomerOrders all = this.client.get()
			.uri("/orders?customerId=c-001&limit=100")
			.exchange()
			.expectBody(CustomerOrders.class)
			.returnResult()
			.getResponseBody();
		List<Order> paged = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			OrderHistoryPage page = page(after, 2);
			assertThat(page.orders()).hasSizeLessThanOrEqualTo(2);
			paged.addAll(page.orders());
			more = page.hasMore();
			after = page.orders().get(page.orders().size() - 1).id();
		}
		assertThat(paged).containsExactlyElementsOf(all.orders());
	}

	@Test
	void pagesOfTheDefaultSizeRunFromPlacedIntoSeededOrders() {
		for (int i = 0; i < 45; i++) {
			this.client.post()
				.uri("/orders")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("customerId", "c-002", "productId", "p-001", "quantity", 1))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		CustomerOrders all = this.client.get()
			.uri("/orders?customerId=c-002&limit=100")
			.exchange()
			.expectBody(CustomerOrders.class)
			.returnResult()
			.getResponseBody();
		assertThat(all.totalCount()).isGreaterThan(45).isEqualTo(all.orders().size());
		List<Order> paged = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			OrderHistoryPage page = page("c-002", after, null);
			paged.addAll(page.orders());
			sizes.add(page.orders().size());
			more = page.hasMore();
			after = page.orders().get(page.orders().size() - 1).id();
		}
		assertThat(paged).containsExactlyElementsOf(all.orders());
		assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(20);
		// after the last order: an empty page with nothing more
		OrderHistoryPage end = page("c-002", after, null);
		assertThat(end.orders()).isEmpty();
		assertThat(end.hasMore()).isFalse();
	}

	@Test
	void anotherCustomersOrderIsNotAPlaceToStartFrom() {
		String othersOrder = page("c-002", null, 1).orders().get(0).id();
		this.client.get()
			.uri("/orders/history?customerId=c-001&after={after}", othersOrder)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anUnknownAfterOrCustomerIsNotFound() {
		this.client.get().uri("/orders/history?customerId=c-001&after=o-1").exchange().expectStatus().isNotFound();
		this.client.get().uri("/orders/history?customerId=c-404").exchange().expectStatus().isNotFound();
		this.client.get().uri("/orders/history?customerId=c-001&limit=0").exchange().expectStatus().isBadRequest();
	}

	private OrderHistoryPage page(String after, int limit) {
		return page("c-001", after, limit);
	}

	private OrderHistoryPage page(String customerId, String after, Integer limit) {
		return this.client.get()
			.uri((uri) -> uri.path("/orders/history")
				.queryParam("customerId", customerId)
				.queryParamIfPresent("after", Optional.ofNullable(after))
				.queryParamIfPresent("limit", Optional.ofNullable(limit))
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(OrderHistoryPage.class)
			.returnResult()
			.getResponseBody();
	}

}
