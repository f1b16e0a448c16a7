package dev.bfftemplate.demo.services.catalog;

import java.net.URI;

import dev.bfftemplate.demo.services.data.Product;

/**
 * The catalog's view of a product: what it is, not its price or stock.
 *
 * @param id product id
 * @param name display name
 * @param description short description
 * @param category category slug
 * @param brand brand name
 * @param imageUrl image address
 */
record ProductDetails(String id, String name, String description, String category, String brand, URI imageUrl) {

	static ProductDetails of(Product product) {
		return new ProductDetails(product.id(), product.name(), product.description(), product.category(),
				product.brand(), product.imageUrl());
	}

}
