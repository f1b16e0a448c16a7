package dev.bfftemplate.demo.services.orders;

import java.util.Map;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebFluxTest(controllers = PartnerOrdersController.class,
		properties = { "demo.partners.accounts.acme=c-041", "demo.partners.accounts.globex=c-042" })
@Import({ DemoDataConfiguration.class, OrderBook.class, OrderRequestValidator.class, OrdersConfiguration.class })
@EnableConfigurationProperties({ OrdersProperties.class, PartnerAccounts.class })
class PartnerOrdersControllerTests {

	@Autowired
	private WebTestClient client;

	@Test
	void partnerListsOnlyTheOrdersOfItsAccountPaged() {
		PartnerOrderPage all = page("acme", 0, 100);
		assertThat(all.items()).isNotEmpty()
			.hasSize((int) all.totalElements())
			.allSatisfy((order) -> assertThat(order.customerId()).isEqualTo("c-041"))
			.isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
		PartnerOrderPage second = page("acme", 1, 1);
		assertThat(second.items()).containsExactly(all.items().get(1));
		assertThat(second.totalPages()).isEqualTo((int) all.totalElements());
	}

	@Test
	void orderOfAnotherPartnerIsAnsweredLikeAMissingOne() {
		Order globexOrder = page("globex", 0, 1).items().get(0);
		String other = this.client.get()
			.uri("/orders/partners/acme/{id}", globexOrder.id())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String missing = this.client.get()
			.uri("/orders/partners/acme/o-1")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(other).isEqualTo(missing.replace("o-1", globexOrder.id()));
		this.client.get()
			.uri("/orders/partners/globex/{id}", globexOrder.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.isEqualTo(globexOrder);
	}

	@Test
	void orderPlacedByAPartnerIsOnItsAccountAndListedFirst() {
		EntityExchangeResult<Order> result = this.client.post()
			.uri("/orders/partners/globex")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", "p-020", "quantity", 1, "customerId", "c-001"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult();
		Order placed = result.getResponseBody();
		assertThat(placed).isNotNull();
		assertThat(result.getResponseHeaders().getLocation()).hasPath("/orders/partners/globex/" + placed.id());
		assertThat(placed.customerId()).isEqualTo("c-042");
		assertThat(page("globex", 0, 1).items()).containsExactly(placed);
	}

	@Test
	void partnerOrderBreakingTheRulesIsRefused() {
		this.client.post()
			.uri("/orders/partners/acme")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", "p-999", "quantity", 0))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2);
	}

	@Test
	void unknownPartnerIsNotFound() {
		this.client.get().uri("/orders/partners/initech").exchange().expectStatus().isNotFound();
		this.client.get().uri("/orders/partners/acme?size=101").exchange().expectStatus().isBadRequest();
	}

	private PartnerOrderPage page(String partnerId, int page, int size) {
		PartnerOrderPage orders = this.client.get()
			.uri("/orders/partners/{partner}?page={page}&size={size}", partnerId, page, size)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartnerOrderPage.class)
			.returnResult()
			.getResponseBody();
		assertThat(orders).isNotNull();
		return orders;
	}

}
