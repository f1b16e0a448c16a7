package dev.bfftemplate.demo.services.recommendations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.PlacedOrder;
import dev.bfftemplate.demo.services.data.Product;
import dev.bfftemplate.demo.services.data.Review;

import org.springframework.stereotype.Component;

/**
 * Picks products for a customer from the seeded order history: in-stock products the
 * customer has not bought yet, first from the categories they buy most, then the best
 * rated of the rest. Only seeded orders count, so the answer for a customer never changes
 * between runs.
 */
@Component
class Recommender {

	private final DemoDataset dataset;

	private final Map<String, Double> averageRatings;

	Recommender(DemoDataset dataset) {
		this.dataset = dataset;
		this.averageRatings = dataset.products()
			.stream()
			.collect(Collectors.toMap(Product::id, (
					product) -> dataset.reviewsOf(product.id()).stream().mapToInt(Review::rating).average().orElse(0)));
	}

	List<Product> recommend(String customerId, int limit) {
		List<PlacedOrder> history = this.dataset.orders()
			.stream()
			.filter((order) -> order.customerId().equals(customerId))
			.toList();
		Set<String> bought = history.stream().map(PlacedOrder::productId).collect(Collectors.toSet());
		Map<String, Long> categoryCounts = history.stream()
			.map((order) -> this.dataset.product(order.productId()).orElseThrow().category())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		Comparator<Product> byCategoryPreference = Comparator
			.comparing((Product product) -> categoryCounts.getOrDefault(product.category(), 0L))
			.reversed();
		Comparator<Product> byRating = Comparator.comparing((Product product) -> this.averageRatings.get(product.id()))
			.reversed()
			.thenComparing(Product::id);
		Stream<Product> candidates = this.dataset.products()
			.stream()
			.filter((product) -> product.stock() > 0)
			.filter((product) -> !bought.contains(product.id()));
		return candidates.sorted(byCategoryPreference.thenComparing(byRating)).limit(limit).toList();
	}

}
