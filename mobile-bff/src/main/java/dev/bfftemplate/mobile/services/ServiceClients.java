package dev.bfftemplate.mobile.services;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The domain services the mobile screens call, one client per HTTP service group
 * ({@code spring.http.serviceclient.<group>.base-url}), and what the screens take from
 * their answers (unknown fields are ignored).
 */
public final class ServiceClients {

	private ServiceClients() {
	}

	@HttpExchange
	public interface CustomersClient {

		@GetExchange("/{id}")
		Mono<Customer> customer(@PathVariable String id);

	}

	@HttpExchange
	public interface RecommendationsClient {

		@GetExchange("/customers/{customerId}")
		Mono<Recommendations> forCustomer(@PathVariable String customerId);

	}

	@HttpExchange
	public interface CatalogClient {

		@GetExchange("/products/{id}")
		Mono<Product> product(@PathVariable String id);

	}

	@HttpExchange
	public interface PricingClient {

		@GetExchange("/prices/{productId}")
		Mono<Price> price(@PathVariable String productId);

	}

	@HttpExchange
	public interface InventoryClient {

		@GetExchange("/stock/{productId}")
		Mono<Stock> stock(@PathVariable String productId);

	}

	@HttpExchange
	public interface ReviewsClient {

		@GetExchange("/products/{productId}")
		Mono<Reviews> reviews(@PathVariable String productId);

	}

	@HttpExchange
	public interface OrdersClient {

		@GetExchange
		Mono<CustomerOrders> recent(@RequestParam String customerId, @RequestParam int limit);

		@GetExchange("/history")
		Mono<OrderHistoryPage> history(@RequestParam String customerId, @RequestParam(required = false) String after,
				@RequestParam int limit);

		@PostExchange
		Mono<Order> place(@RequestBody NewOrder order);

	}

	public record Customer(String id, String name) {

	}

	public record Recommendations(List<RecommendedProduct> items) {

	}

	public record RecommendedProduct(String productId, String name) {

	}

	public record Product(String id, String name, URI imageUrl) {

	}

	public record Price(String amount, String currency) {

	}

	public record Stock(int available) {

	}

	public record Reviews(BigDecimal averageRating, int count, List<Review> recent) {

	}

	public record Review(String author, int rating, String title) {

	}

	public record CustomerOrders(List<Order> orders) {

	}

	public record OrderHistoryPage(List<Order> orders, boolean hasMore) {

	}

	public record Order(String id, String productName, int quantity, String total, String currency, String status,
			Instant createdAt) {

	}

	/**
	 * What the orders service needs to place an order.
	 *
	 * @param customerId the customer, from the access token
	 * @param productId the product
	 * @param quantity how many
	 */
	public record NewOrder(String customerId, String productId, Integer quantity) {

	}

}
