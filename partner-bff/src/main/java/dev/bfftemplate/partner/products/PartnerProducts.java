package dev.bfftemplate.partner.products;

import java.net.URI;
import java.util.List;

import dev.bfftemplate.partner.contract.Money;
import dev.bfftemplate.partner.products.ProductClients.CatalogPage;
import dev.bfftemplate.partner.products.ProductClients.CatalogProduct;
import dev.bfftemplate.partner.products.ProductClients.Price;

/**
 * The partner contract's product shapes, mapped from the catalog's and pricing's.
 */
final class PartnerProducts {

	private PartnerProducts() {
	}

	/**
	 * A product with its current price.
	 */
	record Product(String id, String name, String description, String category, String brand, URI imageUrl,
			Money price) {

		static Product of(CatalogProduct product, Price price) {
			return new Product(product.id(), product.name(), product.description(), product.category(), product.brand(),
					product.imageUrl(), new Money(price.amount(), price.currency()));
		}

	}

	/**
	 * A product in a list.
	 */
	record ProductSummary(String id, String name, String category, String brand) {

		static ProductSummary of(CatalogProduct product) {
			return new ProductSummary(product.id(), product.name(), product.category(), product.brand());
		}

	}

	/**
	 * v1's product list (deprecated): paging fields beside the items.
	 */
	record ProductPageV1(List<ProductSummary> items, int page, int size, long totalElements, int totalPages) {

		static ProductPageV1 of(CatalogPage page) {
			return new ProductPageV1(page.items().stream().map(ProductSummary::of).toList(), page.page(), page.size(),
					page.totalElements(), page.totalPages());
		}

	}

	/**
	 * v2's product list: paging in its own object, so that it can grow without crowding
	 * the items.
	 */
	record ProductPageV2(List<ProductSummary> items, PageInfo page) {

		static ProductPageV2 of(CatalogPage page) {
			return new ProductPageV2(page.items().stream().map(ProductSummary::of).toList(),
					new PageInfo(page.page(), page.size(), page.totalElements(), page.totalPages()));
		}

	}

	record PageInfo(int number, int size, long totalElements, int totalPages) {

	}

}
