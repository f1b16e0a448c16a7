package dev.bfftemplate.demo.services.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import dev.bfftemplate.demo.services.data.Product;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class OrderBookTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(OrderBookConfiguration.class);

	@Test
	void newOrdersContinueTheSeededNumbering() {
		this.contextRunner.run((context) -> {
			DemoDataset dataset = context.getBean(DemoDataset.class);
			long highestSeeded = dataset.orders()
				.stream()
				.mapToLong((order) -> Long.parseLong(order.id().substring(2)))
				.max()
				.orElseThrow();
			PlacedOrder placed = context.getBean(OrderBook.class)
				.place("c-001", dataset.product("p-001").orElseThrow(), 1);
			assertThat(placed.id()).isEqualTo("o-" + (highestSeeded + 1));
		});
	}

	@Test
	void oldestRuntimeOrdersAreForgottenBeyondTheLimit() {
		this.contextRunner.withPropertyValues("demo.orders.max-kept-orders=2").run((context) -> {
			OrderBook orderBook = context.getBean(OrderBook.class);
			Product product = context.getBean(DemoDataset.class).product("p-001").orElseThrow();
			PlacedOrder first = orderBook.place("c-001", product, 1);
			PlacedOrder second = orderBook.place("c-001", product, 2);
			PlacedOrder third = orderBook.place("c-001", product, 3);
			assertThat(orderBook.find(first.id())).isEmpty();
			assertThat(orderBook.find(second.id())).contains(second);
			assertThat(orderBook.find(third.id())).contains(third);
			String seeded = context.getBean(DemoDataset.class).orders().get(0).id();
			assertThat(orderBook.find(seeded)).isPresent();
		});
	}

	@Test
	void customersOrdersAreTheirsNewestFirstPlacedBeforeSeeded() {
		this.contextRunner.withPropertyValues("demo.orders.max-kept-orders=3").run((context) -> {
			OrderBook orderBook = context.getBean(OrderBook.class);
			DemoDataset dataset = context.getBean(DemoDataset.class);
			Product product = dataset.product("p-001").orElseThrow();
			List<PlacedOrder> seeded = orderBook.ofCustomer("c-001", 0, Integer.MAX_VALUE).orders();
			assertThat(seeded).isNotEmpty()
				.containsExactlyInAnyOrderElementsOf(
						dataset.orders().stream().filter((order) -> order.customerId().equals("c-001")).toList())
				.isSortedAccordingTo(Comparator.comparing(PlacedOrder::createdAt).reversed());
			PlacedOrder first = orderBook.place("c-001", product, 1);
			orderBook.place("c-002", product, 1);
			PlacedOrder second = orderBook.place("c-001", product, 2);
			PlacedOrder third = orderBook.place("c-001", product, 3);
			// four placed, three kept: the first is forgotten, c-002's order is never
			// c-001's
			List<PlacedOrder> expected = new ArrayList<>(List.of(third, second));
			expected.addAll(seeded);
			assertThat(orderBook.ofCustomer("c-001", 0, Integer.MAX_VALUE).orders()).isEqualTo(expected)
				.doesNotContain(first);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OrdersProperties.class)
	@Import({ DemoDataConfiguration.class, OrdersConfiguration.class, OrderBook.class })
	static class OrderBookConfiguration {

	}

}
