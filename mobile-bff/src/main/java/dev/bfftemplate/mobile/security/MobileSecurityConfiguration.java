package dev.bfftemplate.mobile.security;

import java.util.Map;

import dev.bfftemplate.starter.problem.ProblemResponses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * mobile-bff is an OAuth2 resource server: every {@code /mobile/**} request needs an
 * access token of the mobile app with the required scope. The token itself is validated
 * by the shared starter's decoder ({@code bff.resource-server.*}: the issuer's cached
 * public keys, RS256 only, issuer, audience, {@code exp}/{@code nbf} with a small skew,
 * {@code typ} when present, no ID token), which also relays it to the services. The edge
 * checks tokens too; this does not rely on it. Refusals are problems: 401 with
 * {@code WWW-Authenticate}, 403 for a missing scope, 503 when the issuer's keys cannot be
 * fetched. Stateless: no session, no CSRF (no cookies).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(MobileSecurityProperties.class)
class MobileSecurityConfiguration {

	@Bean
	SecurityWebFilterChain mobileSecurity(ServerHttpSecurity http, MobileSecurityProperties properties,
			ProblemResponses problems) {
		String scopeAuthority = "SCOPE_" + properties.requiredScope();
		ServerAuthenticationEntryPoint entryPoint = (exchange, ex) -> {
			// RFC 6750: no error code when the request had no token at all
			String challenge = (ex instanceof OAuth2AuthenticationException) ? "Bearer error=\"invalid_token\""
					: "Bearer";
			return problems.write(exchange, HttpStatus.UNAUTHORIZED, "/problems/unauthorized",
					"A valid access token of the mobile app is required.", challenge(challenge), Map.of());
		};
		ServerAccessDeniedHandler accessDenied = (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
				"/problems/insufficient-scope", "The access token lacks the scope this API requires.",
				challenge("Bearer error=\"insufficient_scope\", scope=\"" + properties.requiredScope() + "\""),
				Map.of("requiredScope", properties.requiredScope()));
		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers("/livez", "/readyz", "/mobile/openapi/v1.json", "/mobile/proto/**")
			.permitAll()
			.pathMatchers("/mobile/**")
			.hasAuthority(scopeAuthority)
			// nothing else is served on this port: any other path is a 404
			.anyExchange()
			.permitAll()).oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			})
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.authenticationFailureHandler((webFilterExchange, ex) -> (ex instanceof AuthenticationServiceException)
						? problems.write(webFilterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
								"/problems/token-check-unavailable",
								"The access token cannot be checked now; retry shortly.", HttpHeaders.EMPTY, Map.of())
						: entryPoint.commence(webFilterExchange.getExchange(), ex)))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// screens set their own Cache-Control (revalidated with ETag)
			.headers((headers) -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable));
		return http.build();
	}

	/**
	 * Requests Spring Security's strict firewall refuses (encoded or non-normalised
	 * paths, bad header values) get a 400 problem, not an empty answer.
	 */
	@Bean
	ServerExchangeRejectedHandler firewallRejection(ProblemResponses problems) {
		return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "/problems/request-rejected",
				"The request was rejected.", HttpHeaders.EMPTY, Map.of());
	}

	/**
	 * The request's own observation covers Spring Security's work; one observation per
	 * filter would cost more than the screen.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	private static HttpHeaders challenge(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, value);
		return headers;
	}

}
