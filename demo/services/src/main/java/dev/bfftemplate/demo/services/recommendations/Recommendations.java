package dev.bfftemplate.demo.services.recommendations;

import java.util.List;

/**
 * Products recommended to a customer, best first.
 *
 * @param customerId customer id
 * @param items recommended products
 */
record Recommendations(String customerId, List<RecommendedProduct> items) {

	/**
	 * One recommended product.
	 *
	 * @param productId product id
	 * @param name display name
	 */
	record RecommendedProduct(String productId, String name) {

	}

}
