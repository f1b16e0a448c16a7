package dev.bfftemplate.web.product;

import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import dev.bfftemplate.web.product.ProductClients.CatalogClient;
import dev.bfftemplate.web.product.ProductClients.InventoryClient;
import dev.bfftemplate.web.product.ProductClients.Price;
import dev.bfftemplate.web.product.ProductClients.PricingClient;
import dev.bfftemplate.web.product.ProductClients.Product;
import dev.bfftemplate.web.product.ProductClients.Reviews;
import dev.bfftemplate.web.product.ProductClients.ReviewsClient;
import dev.bfftemplate.web.product.ProductClients.Stock;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/product-page/{id}}: product and price required, inventory optional,
 * reviews served stale when their service fails.
 */
@RestController
class ProductPageController {

	private final FanOut fanOut;

	private final CatalogClient catalog;

	private final InventoryClient inventory;

	private final PricingClient pricing;

	private final ReviewsClient reviews;

	ProductPageController(FanOut fanOut, CatalogClient catalog, InventoryClient inventory, PricingClient pricing,
			ReviewsClient reviews) {
		this.fanOut = fanOut;
		this.catalog = catalog;
		this.inventory = inventory;
		this.pricing = pricing;
		this.reviews = reviews;
	}

	@GetMapping("/api/product-page/{id}")
	Mono<ProductPage> productPage(@PathVariable String id) {
		String productId = new ProductId(id).value();
		FanOutRequest screen = this.fanOut.request();
		Part<Product> product = screen.call("catalog", this.catalog.product(productId)).required();
		Part<Price> price = screen.call("pricing", this.pricing.price(productId)).required();
		Part<Stock> stock = screen.call("inventory", this.inventory.stock(productId)).optional();
		Part<Reviews> productReviews = screen.call("reviews", this.reviews.reviews(productId)).staleOk(productId);
		return screen.assemble((parts) -> {
			if (parts.get(product) == null) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such product");
			}
			return new ProductPage(parts.get(product), parts.get(price), parts.get(stock), parts.get(productReviews),
					parts.warnings());
		});
	}

}
