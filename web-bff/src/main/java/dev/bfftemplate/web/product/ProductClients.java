package dev.bfftemplate.web.product;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import reactor.core.publisher.Mono;

/**
 * The services behind the product page, one client per HTTP service group
 * ({@code spring.http.serviceclient.<group>.base-url}), and what the page takes from
 * their answers.
 */
final class ProductClients {

	private ProductClients() {
	}

	@HttpExchange
	interface CatalogClient {

		@GetExchange("/products/{id}")
		Mono<Product> product(@PathVariable String id);

	}

	@HttpExchange
	interface InventoryClient {

		@GetExchange("/stock/{productId}")
		Mono<Stock> stock(@PathVariable String productId);

	}

	@HttpExchange
	interface PricingClient {

		@GetExchange("/prices/{productId}")
		Mono<Price> price(@PathVariable String productId);

	}

	@HttpExchange
	interface ReviewsClient {

		@GetExchange("/products/{productId}")
		Mono<Reviews> reviews(@PathVariable String productId);

	}

	record Product(String id, String name, String description, String category, String brand, URI imageUrl) {

	}

	record Stock(int available, String status) {

	}

	record Price(String amount, String currency) {

	}

	record Reviews(BigDecimal averageRating, int count, List<Review> recent) {

	}

	record Review(String author, int rating, String title, String comment, Instant createdAt) {

	}

}
