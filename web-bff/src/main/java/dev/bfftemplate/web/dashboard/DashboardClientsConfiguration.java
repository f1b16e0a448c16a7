package dev.bfftemplate.web.dashboard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the clients only the dashboard uses; their base URLs and timeouts are under
 * {@code spring.http.serviceclient.<group>.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
@ImportHttpServices(group = "customers", types = CustomersClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
@ImportHttpServices(group = "recommendations", types = RecommendationsClient.class,
		clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
class DashboardClientsConfiguration {

}
