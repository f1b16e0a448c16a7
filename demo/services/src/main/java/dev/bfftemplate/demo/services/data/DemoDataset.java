package dev.bfftemplate.demo.services.data;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generated demo data, immutable once built. Lists keep id order (products,
 * customers) or newest-first order (orders, reviews).
 */
public final class DemoDataset {

	private final List<Product> productList;

	private final Map<String, Product> products;

	private final List<Customer> customerList;

	private final Map<String, Customer> customers;

	private final List<PlacedOrder> orders;

	private final Map<String, List<Review>> reviewsByProduct;

	DemoDataset(List<Product> products, List<Customer> customers, List<PlacedOrder> orders, List<Review> reviews) {
		this.productList = List.copyOf(products);
		this.products = byId(products, Product::id);
		this.customerList = List.copyOf(customers);
		this.customers = byId(customers, Customer::id);
		this.orders = orders.stream().sorted(Comparator.comparing(PlacedOrder::createdAt).reversed()).toList();
		this.reviewsByProduct = reviews.stream()
			.sorted(Comparator.comparing(Review::createdAt).reversed())
			.collect(Collectors.groupingBy(Review::productId, Collectors.toUnmodifiableList()));
	}

	private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach((item) -> map.put(id.apply(item), item));
		return Collections.unmodifiableMap(map);
	}

	/**
	 * Returns every product in id order.
	 * @return the products
	 */
	public List<Product> products() {
		return this.productList;
	}

	/**
	 * Returns the product with the given id.
	 * @param id product id
	 * @return the product, empty if there is none
	 */
	public Optional<Product> product(String id) {
		return Optional.ofNullable(this.products.get(id));
	}

	/**
	 * Returns every customer in id order.
	 * @return the customers
	 */
	public List<Customer> customers() {
		return this.customerList;
	}

	/**
	 * Returns the customer with the given id.
	 * @param id customer id
	 * @return the customer, empty if there is none
	 */
	public Optional<Customer> customer(String id) {
		return Optional.ofNullable(this.customers.get(id));
	}

	/**
	 * Returns the seeded orders, newest first.
	 * @return the orders
	 */
	public List<PlacedOrder> orders() {
		return this.orders;
	}

	/**
	 * Returns the reviews of a product, newest first.
	 * @param productId product id
	 * @return the reviews, empty if there are none
	 */
	public List<Review> reviewsOf(String productId) {
		return this.reviewsByProduct.getOrDefault(productId, List.of());
	}

}
