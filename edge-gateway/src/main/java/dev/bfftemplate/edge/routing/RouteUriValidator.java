package dev.bfftemplate.edge.routing;

import java.net.URI;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * Fails start-up with a clear message when a configured route has no URI or points at a
 * scheme the edge does not proxy (a typo such as {@code htp://}, or {@code lb://} without
 * a load balancer): Spring Cloud Gateway would start and answer such routes with errors.
 */
@Component
class RouteUriValidator implements InitializingBean {

	private final GatewayProperties gateway;

	private final RoutingProperties properties;

	RouteUriValidator(GatewayProperties gateway, RoutingProperties properties) {
		this.gateway = gateway;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		for (RouteDefinition route : this.gateway.getRoutes()) {
			URI uri = route.getUri();
			if (uri == null || uri.getScheme() == null) {
				throw new IllegalStateException("Route '" + route.getId() + "' has no URI with a scheme (was '" + uri
						+ "'); allowed schemes: " + this.properties.allowedSchemes());
			}
			if (!this.properties.allowedSchemes().contains(uri.getScheme())) {
				throw new IllegalStateException("Route '" + route.getId() + "' points at '" + uri
						+ "' whose scheme is not one of " + this.properties.allowedSchemes());
			}
		}
	}

}
