package dev.bfftemplate.mobile.services;

import dev.bfftemplate.mobile.services.ServiceClients.CatalogClient;
import dev.bfftemplate.mobile.services.ServiceClients.CustomersClient;
import dev.bfftemplate.mobile.services.ServiceClients.InventoryClient;
import dev.bfftemplate.mobile.services.ServiceClients.OrdersClient;
import dev.bfftemplate.mobile.services.ServiceClients.PricingClient;
import dev.bfftemplate.mobile.services.ServiceClients.RecommendationsClient;
import dev.bfftemplate.mobile.services.ServiceClients.ReviewsClient;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the service clients; base URLs and timeouts are under
 * {@code spring.http.serviceclient.<group>.*}, the starter's policies under
 * {@code bff.downstreams.<group>.*}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "customers", types = CustomersClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "recommendations", types = RecommendationsClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "catalog", types = CatalogClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "pricing", types = PricingClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "inventory", types = InventoryClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "reviews", types = ReviewsClient.class, clientType = ClientType.WEB_CLIENT)
@ImportHttpServices(group = "orders", types = OrdersClient.class, clientType = ClientType.WEB_CLIENT)
class ServiceClientsConfiguration {

}
