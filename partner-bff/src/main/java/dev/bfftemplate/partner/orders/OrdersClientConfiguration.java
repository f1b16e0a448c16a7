package dev.bfftemplate.partner.orders;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the orders client.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "orders", types = OrdersClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class OrdersClientConfiguration {

}
