package dev.bfftemplate.partner.products;

import dev.bfftemplate.partner.products.ProductClients.CatalogClient;
import dev.bfftemplate.partner.products.ProductClients.PricingClient;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the product clients.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "catalog", types = CatalogClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "pricing", types = PricingClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class ProductClientsConfiguration {

}
