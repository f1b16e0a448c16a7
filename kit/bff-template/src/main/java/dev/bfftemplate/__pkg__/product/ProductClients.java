package dev.bfftemplate.__pkg__.product;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The services the product screen calls. Base URLs and timeouts are under
 * {@code spring.http.serviceclient.<group>.*}, the starter's policies under
 * {@code bff.downstreams.<group>.*}; the starter relays the caller's token.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "catalog", types = ProductClients.CatalogClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "reviews", types = ProductClients.ReviewsClient.class, clientType = ClientType.WEB_CLIENT)
class ProductClients {

	interface CatalogClient {

		@GetExchange("/products/{id}")
		Mono<Product> product(@PathVariable String id);

	}

	interface ReviewsClient {

		@GetExchange("/products/{productId}")
		Mono<Reviews> reviews(@PathVariable String productId);

	}

	record Product(String id, String name, URI imageUrl) {

	}

	record Reviews(BigDecimal averageRating, int count, List<Review> recent) {

	}

	record Review(String author, int rating, String title) {

	}

}
