package dev.bfftemplate.web.orders;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the orders service client; its base URL and timeouts are under
 * {@code spring.http.serviceclient.orders.*}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "orders", types = OrdersClient.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class OrdersClientConfiguration {

}
