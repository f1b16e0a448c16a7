package dev.bfftemplate.partner.products;

import java.net.URI;
import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import reactor.core.publisher.Mono;

/**
 * The catalog and pricing services ({@code spring.http.serviceclient.<group>.base-url})
 * and what the partner API takes from their answers.
 */
final class ProductClients {

	private ProductClients() {
	}

	@HttpExchange
	interface CatalogClient {

		@GetExchange("/products/{id}")
		Mono<CatalogProduct> product(@PathVariable String id);

		@GetExchange("/products")
		Mono<CatalogPage> products(@RequestParam int page, @RequestParam int size);

	}

	@HttpExchange
	interface PricingClient {

		@GetExchange("/prices/{productId}")
		Mono<Price> price(@PathVariable String productId);

	}

	record CatalogProduct(String id, String name, String description, String category, String brand, URI imageUrl) {

	}

	record CatalogPage(List<CatalogProduct> items, int page, int size, long totalElements, int totalPages) {

	}

	record Price(String amount, String currency) {

	}

}
