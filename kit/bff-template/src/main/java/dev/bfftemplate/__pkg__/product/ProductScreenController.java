package dev.bfftemplate.__pkg__.product;

import reactor.core.publisher.Mono;

import dev.bfftemplate.__pkg__.product.ProductClients.CatalogClient;
import dev.bfftemplate.__pkg__.product.ProductClients.Product;
import dev.bfftemplate.__pkg__.product.ProductClients.Reviews;
import dev.bfftemplate.__pkg__.product.ProductClients.ReviewsClient;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /__name__/v1/products/{id}}: the example screen. Catalog and reviews are
 * called in parallel through the starter's fan-out; the catalog is required (its failure
 * is a 502/503/504 problem), the rating optional (its failure is a warning).
 */
@RestController
class ProductScreenController {

	private final FanOut fanOut;

	private final CatalogClient catalog;

	private final ReviewsClient reviews;

	ProductScreenController(FanOut fanOut, CatalogClient catalog, ReviewsClient reviews) {
		this.fanOut = fanOut;
		this.catalog = catalog;
		this.reviews = reviews;
	}

	@GetMapping("/__name__/v1/products/{id}")
	Mono<ProductScreen> product(@PathVariable String id) {
		FanOutRequest screen = this.fanOut.request();
		Part<Product> product = screen.call("catalog", this.catalog.product(id)).required();
		Part<Reviews> reviews = screen.call("reviews", this.reviews.reviews(id)).named("rating").optional();
		return screen.assemble((parts) -> {
			Product found = parts.get(product);
			Reviews rated = parts.get(reviews);
			ProductScreen.Rating rating = (rated != null)
					? new ProductScreen.Rating(rated.averageRating(), rated.count()) : null;
			return new ProductScreen(found.id(), found.name(), found.imageUrl(), rating, parts.warnings());
		});
	}

}
