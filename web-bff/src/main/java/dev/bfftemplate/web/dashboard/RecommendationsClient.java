package dev.bfftemplate.web.dashboard;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import reactor.core.publisher.Mono;

/**
 * The recommendations service
 * ({@code spring.http.serviceclient.recommendations.base-url}).
 */
@HttpExchange
interface RecommendationsClient {

	@GetExchange("/customers/{customerId}")
	Mono<Recommendations> forCustomer(@PathVariable String customerId);

	/**
	 * Products recommended to a customer.
	 *
	 * @param items the products
	 */
	record Recommendations(List<RecommendedProduct> items) {

	}

	/**
	 * One recommended product.
	 *
	 * @param productId the product
	 * @param name its name
	 */
	record RecommendedProduct(String productId, String name) {

	}

}
