package dev.bfftemplate.edge.hygiene;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP hygiene rules of the public port.
 *
 * @param allowedMethods the methods the edge routes; others (TRACE, CONNECT, unknown
 * ones) get 405
 * @param maxRequestBodySize the largest request body accepted (413 beyond)
 * @param nonPublicPaths path patterns that answer 404 on the public port
 * @param untrustedHeaderPrefixes request header name prefixes removed before routing
 * (identity headers only the edge or a BFF may set)
 * @param untrustedHeaders request header names removed before routing
 * @param publicHosts the host names the edge answers for ({@code host} for any port,
 * {@code host:port} for one); other {@code Host} headers and absolute-form authorities
 * get 400
 * @param anyHostPaths paths answered whatever the {@code Host} (the probes, which
 * orchestrators call with the pod's address)
 */
@ConfigurationProperties("edge.http")
@Validated
public record EdgeHttpProperties(@DefaultValue( {
		"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" }) List<String> allowedMethods,
		@DefaultValue("5MB") DataSize maxRequestBodySize, @DefaultValue("/actuator/**") List<String> nonPublicPaths,
		@DefaultValue({ "X-User-", "X-Authenticated-", "X-Tenant-" }) List<String> untrustedHeaderPrefixes,
		@DefaultValue("X-Forwarded-User") List<String> untrustedHeaders,
		@DefaultValue({ "localhost", "127.0.0.1" }) List<String> publicHosts,
		@DefaultValue({ "/livez", "/readyz" }) List<String> anyHostPaths){

}
