package dev.bfftemplate.mobile.product;

import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.bfftemplate.mobile.compact.FieldSelection;
import dev.bfftemplate.mobile.problem.Problems;
import dev.bfftemplate.mobile.product.ProductCard.Rating;
import dev.bfftemplate.mobile.product.ProductCard.ReviewSnippet;
import dev.bfftemplate.mobile.services.ServiceClients.CatalogClient;
import dev.bfftemplate.mobile.services.ServiceClients.InventoryClient;
import dev.bfftemplate.mobile.services.ServiceClients.Price;
import dev.bfftemplate.mobile.services.ServiceClients.PricingClient;
import dev.bfftemplate.mobile.services.ServiceClients.Product;
import dev.bfftemplate.mobile.services.ServiceClients.Reviews;
import dev.bfftemplate.mobile.services.ServiceClients.ReviewsClient;
import dev.bfftemplate.mobile.services.ServiceClients.Stock;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /mobile/v1/products/{id}}: catalog and price required, stock optional (only
 * whether it is in stock), reviews served stale when their service fails.
 */
@RestController
@EnableConfigurationProperties(ProductCardProperties.class)
class ProductCardController {

	private final FanOut fanOut;

	private final CatalogClient catalog;

	private final PricingClient pricing;

	private final InventoryClient inventory;

	private final ReviewsClient reviews;

	private final ProductCardProperties properties;

	private final Pattern productId;

	private final JsonMapper json;

	ProductCardController(FanOut fanOut, CatalogClient catalog, PricingClient pricing, InventoryClient inventory,
			ReviewsClient reviews, ProductCardProperties properties, JsonMapper json) {
		this.fanOut = fanOut;
		this.catalog = catalog;
		this.pricing = pricing;
		this.inventory = inventory;
		this.reviews = reviews;
		this.properties = properties;
		this.productId = Pattern.compile(properties.idPattern());
		this.json = json;
	}

	@GetMapping("/mobile/v1/products/{id}")
	Mono<Object> product(@PathVariable String id, @RequestParam(required = false) String fields) {
		FieldSelection selection = FieldSelection.parse(fields, ProductCard.class);
		if (!this.productId.matcher(id).matches()) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-product-id", "This is not a product id.", Map.of());
		}
		FanOutRequest screen = this.fanOut.request();
		Part<Product> product = screen.call("catalog", this.catalog.product(id)).required();
		Part<Price> price = screen.call("pricing", this.pricing.price(id)).required();
		Part<Stock> stock = screen.call("inventory", this.inventory.stock(id)).optional();
		Part<Reviews> productReviews = screen.call("reviews", this.reviews.reviews(id)).staleOk(id);
		return screen.assemble((parts) -> {
			Product found = parts.get(product);
			Price cost = parts.get(price);
			if (found == null || cost == null) {
				throw Problems.of(HttpStatus.NOT_FOUND, "product-not-found", "There is no such product.", Map.of());
			}
			Stock available = parts.get(stock);
			Reviews reviewed = parts.get(productReviews);
			return new ProductCard(found.id(), found.name(), found.imageUrl(), cost.amount(), cost.currency(),
					(available != null) ? available.available() > 0 : null,
					(reviewed != null) ? new Rating(reviewed.averageRating(), reviewed.count()) : null,
					(reviewed != null) ? reviewed.recent()
						.stream()
						.limit(this.properties.reviewSnippets())
						.map((review) -> new ReviewSnippet(review.author(), review.rating(), review.title()))
						.toList() : null,
					parts.warnings());
		}).map((card) -> selection.apply(card, this.json));
	}

}
