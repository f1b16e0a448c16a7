package dev.bfftemplate.edge.security;

import dev.bfftemplate.edge.problem.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Spring Security at the edge: a coarse JWT check on the protected paths (the BFF
 * validates again), the CORS rules (answered before these chains by
 * {@link CorsProblemFilter}), security response headers, and Spring Security's strict
 * firewall (path normalisation, header values) in front of everything. Sessions, CSRF,
 * login and logout are the BFFs' business, so they are off here.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityWebFilterChain jwtProtectedRoutes(ServerHttpSecurity http, EdgeSecurityProperties properties,
			ProblemAuthenticationEntryPoint entryPoint) {
		String[] paths = properties.jwtProtectedPaths().toArray(String[]::new);
		http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(paths))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint));
		return passThrough(http).build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain publicRoutes(ServerHttpSecurity http) {
		http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll());
		return passThrough(http).build();
	}

	private ServerHttpSecurity passThrough(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// stateless: no WebSession is ever created (that would cost a blocking-pool
			// hop per request)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// answered before these chains, with a problem when refused
			// (CorsProblemFilter)
			.cors(ServerHttpSecurity.CorsSpec::disable)
			// caching is decided by the BFFs (ETag/304), not overridden here
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable));
	}

	/**
	 * Spring Security observes every filter of every chain and every authorization by
	 * default: at the edge that is several observations (timers, and spans when tracing)
	 * on each request, while the request's own observation and the gateway's upstream
	 * observation already cover it.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(EdgeCorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(properties.allowedMethods());
		cors.setAllowedHeaders(properties.allowedHeaders());
		cors.setExposedHeaders(properties.exposedHeaders());
		cors.setAllowCredentials(properties.allowCredentials());
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	/**
	 * Replaces Spring Security's default {@code typ} check (which accepts only
	 * {@code JWT}) with the configured access token types.
	 */
	@Bean
	OAuth2TokenValidator<Jwt> accessTokenTypeValidator(EdgeSecurityProperties properties) {
		return new JwtTypeValidator(properties.tokenTypes());
	}

	/**
	 * Answers requests the strict firewall refuses (non-normalised paths, encoded
	 * slashes, bad header values) with a 400 problem instead of an empty body.
	 */
	@Bean
	ServerExchangeRejectedHandler firewallRejectionHandler(ProblemWriter writer) {
		return (exchange, ex) -> writer.write(exchange,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request was rejected."),
				HttpHeaders.EMPTY);
	}

}
