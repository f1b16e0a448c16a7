package dev.bfftemplate.edge.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules the configured routes must follow.
 *
 * @param allowedSchemes the URI schemes a route may send traffic to
 */
@ConfigurationProperties("edge.routing")
public record RoutingProperties(@DefaultValue( {
		"http", "https" }) List<String> allowedSchemes){

}
