package dev.bfftemplate.edge.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coarse token check at the edge. Issuer, JWKS location, audiences and algorithms are
 * Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param jwtProtectedPaths path patterns that need a valid bearer token before they are
 * routed
 * @param tokenTypes accepted values of the JWT {@code typ} header
 */
@ConfigurationProperties("edge.security")
public record EdgeSecurityProperties(@DefaultValue("/mobile/**") List<String> jwtProtectedPaths, @DefaultValue( {
		"at+jwt", "application/at+jwt", "JWT" }) List<String> tokenTypes){

}
