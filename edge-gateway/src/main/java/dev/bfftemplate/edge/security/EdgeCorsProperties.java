package dev.bfftemplate.edge.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin rules, answered at the edge for every route. No origin is allowed unless
 * configured.
 *
 * @param allowedOrigins the origins allowed to call the edge
 * @param allowedMethods the methods allowed cross-origin
 * @param allowedHeaders the request headers allowed cross-origin
 * @param exposedHeaders the response headers a script may read
 * @param allowCredentials whether cookies may be sent cross-origin
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("edge.cors")
public record EdgeCorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue( {
		"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
		@DefaultValue({ "Authorization", "Content-Type" }) List<String> allowedHeaders,
		@DefaultValue("X-Request-Id") List<String> exposedHeaders, @DefaultValue("true") boolean allowCredentials,
		@DefaultValue("30m") Duration maxAge){

}
