package dev.bfftemplate.demo.services.data;

import java.net.URI;

/**
 * A product as stored by the demo services: each service exposes its own part of it.
 *
 * @param id product id, {@code p-001} onwards
 * @param name display name
 * @param description short description
 * @param category category slug
 * @param brand brand name
 * @param imageUrl image address
 * @param price list price
 * @param stock units available
 * @param warehouse warehouse holding the stock
 */
public record Product(String id, String name, String description, String category, String brand, URI imageUrl,
		Money price, int stock, String warehouse) {

}
