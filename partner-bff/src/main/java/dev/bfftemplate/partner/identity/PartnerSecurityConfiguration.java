package dev.bfftemplate.partner.identity;

import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.partner.quota.QuotaProperties;
import dev.bfftemplate.partner.store.PartnerStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import reactor.core.publisher.Mono;

/**
 * The partner API's security: an API key ({@code partner.identity.api-key-header}) or a
 * client credentials bearer token, stateless; failed attempts limited per client address
 * before any credential is checked. The partner's quota applies right after this chain
 * ({@code QuotaWebFilter}). The contract and the probes are public.
 */
@Configuration(proxyBeanMethods = false)
class PartnerSecurityConfiguration {

	@Bean
	SecurityWebFilterChain partnerSecurity(ServerHttpSecurity http, PartnerIdentityProperties properties,
			PartnerStore store, ProblemResponses problems, QuotaProperties quota) {
		FailedAuthentications failures = new FailedAuthentications(store, properties);
		AuthenticationProblems authenticationProblems = new AuthenticationProblems(problems, failures, quota);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.addFilterBefore(new FailedAuthenticationGate(failures, problems, quota),
					SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(apiKeyAuthentication(properties, store, authenticationProblems),
					SecurityWebFiltersOrder.AUTHENTICATION)
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new ClientCredentialsPartners(properties)))
				.authenticationEntryPoint(authenticationProblems))
			.addFilterAfter(new CurrentPartnerWebFilter(), SecurityWebFiltersOrder.AUTHORIZATION)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(authenticationProblems)
				.accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
						"Not allowed", (headers) -> {
						})))
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/partner/*/openapi.json", "/partner/*/docs")
						.permitAll()
						.pathMatchers("/partner/**")
						.hasRole("PARTNER")
						// Nothing else is served on this port but the probes: anything
						// else is a 404.
						.anyExchange()
						.permitAll())
			.build();
	}

	private static AuthenticationWebFilter apiKeyAuthentication(PartnerIdentityProperties properties,
			PartnerStore store, AuthenticationProblems problems) {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(
				new ApiKeyAuthenticationManager(properties, store));
		String header = properties.apiKeyHeader();
		filter.setServerAuthenticationConverter(
				(exchange) -> Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(header))
					.map(ApiKeyAuthenticationToken::new));
		filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
		return filter;
	}

}
