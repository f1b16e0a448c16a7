package dev.bfftemplate.web.product;

import dev.bfftemplate.web.product.ProductClients.CatalogClient;
import dev.bfftemplate.web.product.ProductClients.InventoryClient;
import dev.bfftemplate.web.product.ProductClients.PricingClient;
import dev.bfftemplate.web.product.ProductClients.ReviewsClient;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the product page's clients.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "catalog", types = CatalogClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "inventory", types = InventoryClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "pricing", types = PricingClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "reviews", types = ReviewsClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class ProductClientsConfiguration {

}
