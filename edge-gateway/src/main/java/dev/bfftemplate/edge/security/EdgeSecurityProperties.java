package dev.bfftemplate.edge.security;

import java.time.Duration;
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
 * @param jwksConnectTimeout how long connecting to the JWKS endpoint may take
 * @param jwksResponseTimeout how long the JWKS endpoint may take to answer (a token with
 * an unknown key id makes the edge fetch the JWKS again, so this must never hang)
 */
@ConfigurationProperties("edge.security")
public record EdgeSecurityProperties(@DefaultValue("/mobile/**") List<String> jwtProtectedPaths, @DefaultValue( {
		"at+jwt", "application/at+jwt", "JWT" }) List<String> tokenTypes,
		@DefaultValue("2s") Duration jwksConnectTimeout, @DefaultValue("3s") Duration jwksResponseTimeout){

}
