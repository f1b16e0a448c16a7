package dev.bfftemplate.demo.services.data;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataGeneratorTests {

	private static final DemoDataProperties PROPERTIES = properties(42);

	@Test
	void sameSeedGivesSameData() {
		DemoDataset first = new DemoDataGenerator(PROPERTIES).generate();
		DemoDataset second = new DemoDataGenerator(PROPERTIES).generate();
		assertThat(second.products()).isEqualTo(first.products());
		assertThat(second.customers()).isEqualTo(first.customers());
		assertThat(second.orders()).isEqualTo(first.orders());
		assertThat(second.reviewsOf("p-001")).isEqualTo(first.reviewsOf("p-001"));
	}

	@Test
	void otherSeedGivesOtherData() {
		DemoDataset first = new DemoDataGenerator(PROPERTIES).generate();
		DemoDataset other = new DemoDataGenerator(properties(7)).generate();
		assertThat(other.products()).isNotEqualTo(first.products());
	}

	@Test
	void productAndCustomerIdsFollowTheContract() {
		DemoDataset dataset = new DemoDataGenerator(PROPERTIES).generate();
		assertThat(dataset.products()).hasSize(300);
		assertThat(dataset.products().get(0).id()).isEqualTo("p-001");
		assertThat(dataset.products().get(299).id()).isEqualTo("p-300");
		assertThat(dataset.product("p-301")).isEmpty();
		assertThat(dataset.customers()).hasSize(50);
		assertThat(dataset.customers().get(49).id()).isEqualTo("c-050");
		assertThat(dataset.product("p-042").orElseThrow().imageUrl())
			.isEqualTo(URI.create("https://images.example.com/products/p-042.jpg"));
	}

	@Test
	void demoUsersAreTheFirstTwoCustomersAndHaveOrders() {
		DemoDataset dataset = new DemoDataGenerator(PROPERTIES).generate();
		assertThat(dataset.customer("c-001").orElseThrow().name()).startsWith("Alice");
		assertThat(dataset.customer("c-002").orElseThrow().name()).startsWith("Bob");
		assertThat(dataset.orders()).filteredOn((order) -> order.customerId().equals("c-001")).isNotEmpty();
		assertThat(dataset.orders()).filteredOn((order) -> order.customerId().equals("c-002")).isNotEmpty();
	}

	@Test
	void seededOrdersAreNumberedNewestFirstAndPredateTheReferenceTime() {
		DemoDataset dataset = new DemoDataGenerator(PROPERTIES).generate();
		assertThat(dataset.orders()).isNotEmpty()
			.allSatisfy((order) -> assertThat(order.id()).matches("o-\\d+"))
			.allSatisfy((order) -> assertThat(order.createdAt()).isBefore(PROPERTIES.referenceTime()))
			.isSortedAccordingTo(Comparator.comparing(PlacedOrder::createdAt).reversed());
	}

	@Test
	void reviewsAreRatedOneToFiveNewestFirst() {
		DemoDataset dataset = new DemoDataGenerator(PROPERTIES).generate();
		assertThat(dataset.products())
			.anySatisfy((product) -> assertThat(dataset.reviewsOf(product.id())).isNotEmpty());
		dataset.products()
			.forEach((product) -> assertThat(dataset.reviewsOf(product.id()))
				.allSatisfy((review) -> assertThat(review.rating()).isBetween(1, 5))
				.isSortedAccordingTo(Comparator.comparing(Review::createdAt).reversed()));
	}

	private static DemoDataProperties properties(long seed) {
		return new DemoDataProperties(seed, 300, 50, "EUR", Instant.parse("2026-01-01T00:00:00Z"),
				URI.create("https://images.example.com/products/"));
	}

}
