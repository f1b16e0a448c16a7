package dev.bfftemplate.partner.products;

import dev.bfftemplate.partner.contract.Paging;
import dev.bfftemplate.partner.contract.ResourceIds;
import dev.bfftemplate.partner.products.PartnerProducts.Product;
import dev.bfftemplate.partner.products.PartnerProducts.ProductPageV1;
import dev.bfftemplate.partner.products.PartnerProducts.ProductPageV2;
import dev.bfftemplate.partner.products.ProductClients.CatalogClient;
import dev.bfftemplate.partner.products.ProductClients.CatalogPage;
import dev.bfftemplate.partner.products.ProductClients.CatalogProduct;
import dev.bfftemplate.partner.products.ProductClients.Price;
import dev.bfftemplate.partner.products.ProductClients.PricingClient;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.fanout.FanOutRequest;
import dev.bfftemplate.starter.fanout.Part;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code /partner/{version}/products}: a product with its price (catalog and pricing both
 * required), and the paged product list, whose v1 shape is deprecated in favour of v2's.
 */
@RestController
@RequestMapping("/partner/{version}/products")
class ProductsController {

	private final FanOut fanOut;

	private final CatalogClient catalog;

	private final PricingClient pricing;

	ProductsController(FanOut fanOut, CatalogClient catalog, PricingClient pricing) {
		this.fanOut = fanOut;
		this.catalog = catalog;
		this.pricing = pricing;
	}

	@GetMapping(path = "/{id}", version = "1+")
	Mono<Product> product(@PathVariable String id) {
		String productId = ResourceIds.require(id);
		FanOutRequest call = this.fanOut.request();
		Part<CatalogProduct> product = call.call("catalog", this.catalog.product(productId)).required();
		Part<Price> price = call.call("pricing", this.pricing.price(productId)).required();
		return call.assemble((parts) -> Product.of(parts.get(product), parts.get(price)));
	}

	@GetMapping(version = "1")
	Mono<ProductPageV1> productsV1(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
		return page(page, size).map(ProductPageV1::of);
	}

	@GetMapping(version = "2+")
	Mono<ProductPageV2> products(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
		return page(page, size).map(ProductPageV2::of);
	}

	private Mono<CatalogPage> page(int page, int size) {
		FanOutRequest call = this.fanOut.request();
		Part<CatalogPage> products = call.call("catalog", this.catalog.products(page, size)).required();
		return call.assemble((parts) -> parts.get(products));
	}

}
