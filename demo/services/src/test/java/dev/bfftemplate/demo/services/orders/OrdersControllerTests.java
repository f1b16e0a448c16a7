package dev.bfftemplate.demo.services.orders;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.data.DemoDataset;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebFluxTest(OrdersController.class)
@Import({ DemoDataConfiguration.class, OrderBook.class, OrderRequestValidator.class, OrdersConfiguration.class })
@EnableConfigurationProperties(OrdersProperties.class)
class OrdersControllerTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DemoDataset dataset;

	@Test
	void customerOrdersAreNewestFirstAndLimited() {
		CustomerOrders all = customerOrders("c-001", 100);
		assertThat(all.orders()).hasSize(all.totalCount())
			.isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()))
			.allSatisfy((order) -> assertThat(order.customerId()).isEqualTo("c-001"));
		CustomerOrders limited = customerOrders("c-001", 2);
		assertThat(limited.orders()).containsExactlyElementsOf(all.orders().subList(0, 2));
		assertThat(limited.totalCount()).isEqualTo(all.totalCount());
	}

	/**
	 * The first page a dashboard asks for is the newest orders of the whole history, read
	 * from the per-customer index: the same as sorting every order of the customer and
	 * taking the first 20 (the default limit), with the whole history counted.
	 */
	@Test
	void customerWithManyOrdersGetsTheNewestOfTheWholeHistoryFirst() {
		String customerId = "c-010";
		List<Order> everyOrder = new ArrayList<>(this.dataset.orders()
			.stream()
			.filter((order) -> order.customerId().equals(customerId))
			.map((order) -> Order.of(order, this.dataset.product(order.productId()).orElseThrow()))
			.toList());
		for (int i = 0; i < 300; i++) {
			everyOrder.add(place(customerId, "p-0" + (10 + i % 50), 1 + i % 3));
		}
		everyOrder.sort(Comparator.comparing(Order::createdAt)
			.thenComparing((order) -> Long.parseLong(order.id().substring(2)))
			.reversed());
		CustomerOrders firstPage = ordersAt("/orders?customerId={id}", customerId);
		assertThat(firstPage.orders()).hasSize(20).containsExactlyElementsOf(everyOrder.subList(0, 20));
		assertThat(firstPage.totalCount()).isEqualTo(everyOrder.size());
	}

	@Test
	void orderTotalIsUnitPriceTimesQuantity() {
		Order order = customerOrders("c-001", 1).orders().get(0);
		assertThat(new BigDecimal(order.total()))
			.isEqualByComparingTo(new BigDecimal(order.unitPrice()).multiply(BigDecimal.valueOf(order.quantity())));
	}

	@Test
	void orderIsFoundById() {
		Order listed = customerOrders("c-002", 1).orders().get(0);
		this.client.get()
			.uri("/orders/{id}", listed.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.isEqualTo(listed);
	}

	@Test
	void unknownOrderIsNotFoundProblem() {
		this.client.get()
			.uri("/orders/o-1")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listingNeedsAKnownCustomer() {
		this.client.get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/orders?customerId=c-404").exchange().expectStatus().isNotFound();
		this.client.get().uri("/orders?customerId=c-001&limit=101").exchange().expectStatus().isBadRequest();
	}

	@Test
	void placedOrderIsCreatedThenRetrievableAndListedFirst() {
		EntityExchangeResult<Order> result = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customerId", "c-003", "productId", "p-010", "quantity", 2))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult();
		Order created = result.getResponseBody();
		assertThat(created).isNotNull();
		assertThat(created.id()).matches("o-\\d+");
		assertThat(created.customerId()).isEqualTo("c-003");
		assertThat(created.productId()).isEqualTo("p-010");
		assertThat(created.quantity()).isEqualTo(2);
		assertThat(created.status()).isEqualTo("placed");
		URI location = result.getResponseHeaders().getLocation();
		assertThat(location).isNotNull();
		assertThat(location.getPath()).isEqualTo("/orders/" + created.id());
		this.client.get()
			.uri(location.getPath())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.isEqualTo(created);
		assertThat(customerOrders("c-003", 1).orders()).containsExactly(created);
	}

	@Test
	void unknownCustomerUnknownProductAndZeroQuantityAreFieldErrors() {
		this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customerId", "c-999", "productId", "p-999", "quantity", 0))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(422)
			.jsonPath("$.errors[?(@.field == 'customerId')].message")
			.isEqualTo(List.of("unknown customer"))
			.jsonPath("$.errors[?(@.field == 'productId')].message")
			.isEqualTo(List.of("unknown product"))
			.jsonPath("$.errors[?(@.field == 'quantity')].message")
			.isEqualTo(List.of("must be at least 1"));
	}

	@Test
	void missingFieldsAndTooLargeQuantityAreFieldErrors() {
		this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("productId", "p-001", "quantity", 11))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[?(@.field == 'customerId')].message")
			.isEqualTo(List.of("is required"))
			.jsonPath("$.errors[?(@.field == 'quantity')].message")
			.isEqualTo(List.of("must be at most 10"));
	}

	@Test
	void rejectedOrderIsNotStored() {
		int before = customerOrders("c-004", 100).totalCount();
		this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customerId", "c-004", "productId", "p-001", "quantity", -3))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		assertThat(customerOrders("c-004", 100).totalCount()).isEqualTo(before);
	}

	@Test
	void malformedJsonIsBadRequestProblemWithoutParserDetails() {
		String body = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"customerId\": \"c-001\", \"quantity\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"status\":400").doesNotContainIgnoringCase("jackson").doesNotContain("line:");
	}

	private Order place(String customerId, String productId, int quantity) {
		Order placed = this.client.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("customerId", customerId, "productId", productId, "quantity", quantity))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(placed).isNotNull();
		return placed;
	}

	private CustomerOrders customerOrders(String customerId, int limit) {
		return ordersAt("/orders?customerId={id}&limit={limit}", customerId, limit);
	}

	private CustomerOrders ordersAt(String uri, Object... variables) {
		CustomerOrders orders = this.client.get()
			.uri(uri, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CustomerOrders.class)
			.returnResult()
			.getResponseBody();
		assertThat(orders).isNotNull();
		return orders;
	}

}
