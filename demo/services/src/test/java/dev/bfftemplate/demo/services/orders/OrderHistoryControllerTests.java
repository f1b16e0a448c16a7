package dev.bfftemplate.demo.services.orders;

import java.util.ArrayList;
import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.orders.OrderHistoryController.OrderHistoryPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
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
	void anUnknownAfterOrCustomerIsNotFound() {
		this.client.get().uri("/orders/history?customerId=c-001&after=o-1").exchange().expectStatus().isNotFound();
		this.client.get().uri("/orders/history?customerId=c-404").exchange().expectStatus().isNotFound();
		this.client.get().uri("/orders/history?customerId=c-001&limit=0").exchange().expectStatus().isBadRequest();
	}

	private OrderHistoryPage page(String after, int limit) {
		return this.client.get()
			.uri((uri) -> uri.path("/orders/history")
				.queryParam("customerId", "c-001")
				.queryParamIfPresent("after", java.util.Optional.ofNullable(after))
				.queryParam("limit", limit)
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(OrderHistoryPage.class)
			.returnResult()
			.getResponseBody();
	}

}
