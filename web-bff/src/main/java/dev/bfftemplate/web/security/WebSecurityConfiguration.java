package dev.bfftemplate.web.security;

import java.net.URI;
import java.util.List;

import dev.bfftemplate.web.csrf.CsrfHeaderWebFilter;
import dev.bfftemplate.web.csrf.CsrfProperties;
import dev.bfftemplate.web.login.LoginFailureHandler;
import dev.bfftemplate.web.login.LoginSuccessHandler;
import dev.bfftemplate.web.origin.PublicOrigin;
import dev.bfftemplate.web.problem.ProblemResponses;
import dev.bfftemplate.web.session.WebBffSessionProperties;
import dev.bfftemplate.web.token.SessionAuthorizedClientRepository;
import dev.bfftemplate.web.token.TokenProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The token handler's security: OIDC login (authorization code + PKCE) whose tokens stay
 * in the server-side session, the CSRF header on every {@code /api/**} and
 * {@code /bff/**} call, 401 problems for API calls and a login redirect for page
 * navigations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TokenProperties.class, CsrfProperties.class, WebBffSessionProperties.class,
		BrowserHeadersProperties.class, PublicOrigin.class })
class WebSecurityConfiguration {

	/**
	 * Reached by top-level navigation or server to server, never by the web app's script.
	 */
	private static final ServerWebExchangeMatcher CSRF_EXEMPT = new OrServerWebExchangeMatcher(
			ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/bff/login"),
			ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/bff/backchannel-logout"));

	/**
	 * The actuator endpoints that are exposed (health, info, prometheus) live on the
	 * management port, bound to loopback: probes and scrapers reach them without a
	 * session. No actuator endpoint is reachable through the public port.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain managementSecurity(ServerHttpSecurity http) {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
		return http.build();
	}

	@Bean
	SecurityWebFilterChain webBffSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, LoginSuccessHandler loginSuccessHandler,
			LoginFailureHandler loginFailureHandler, CsrfProperties csrfProperties, BrowserHeadersProperties headers,
			ProblemResponses problems) {
		DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.authorizeExchange((exchanges) -> exchanges
			.pathMatchers("/", "/index.html", "/app/**", "/favicon.ico", "/livez", "/readyz", "/error")
			.permitAll()
			.pathMatchers(HttpMethod.GET, "/bff/login")
			.permitAll()
			.pathMatchers(HttpMethod.POST, "/bff/backchannel-logout")
			.permitAll()
			.anyExchange()
			.authenticated())
			.oauth2Login((login) -> login.authorizationRequestResolver(authorizationRequests)
				.authorizedClientRepository(authorizedClients)
				.authenticationSuccessHandler(loginSuccessHandler)
				.authenticationFailureHandler(loginFailureHandler))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint(problems))
				.accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
						"/problems/forbidden", "You may not do this")))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// Replaced by the custom header check below, which a SPA meets without a
			// token.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(new CsrfHeaderWebFilter(csrfProtected(), csrfProperties, problems),
					SecurityWebFiltersOrder.CSRF)
			.headers((browserHeaders) -> browserHeaders
				.contentSecurityPolicy((csp) -> csp.policyDirectives(headers.contentSecurityPolicy())))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable);
		return http.build();
	}

	@Bean
	SessionAuthorizedClientRepository sessionAuthorizedClientRepository(
			ReactiveClientRegistrationRepository registrations) {
		return new SessionAuthorizedClientRepository(registrations);
	}

	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, TokenProperties tokens) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.clockSkew(tokens.refreshBeforeExpiry()))
			.build());
		return manager;
	}

	/**
	 * Every request to {@code /api/**} or {@code /bff/**}, whatever its method (a GET of
	 * user data is refused cross-site too), except the two that cannot carry a header.
	 */
	private static ServerWebExchangeMatcher csrfProtected() {
		return new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/bff/**"),
				new NegatedServerWebExchangeMatcher(CSRF_EXEMPT));
	}

	private static ServerAuthenticationEntryPoint entryPoint(ProblemResponses problems) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> problems.write(exchange,
				HttpStatus.UNAUTHORIZED, "/problems/not-signed-in", "Sign in first");
		ServerAuthenticationEntryPoint loginRedirect = (exchange, ex) -> {
			String returnTo = exchange.getRequest().getPath().pathWithinApplication().value();
			URI login = UriComponentsBuilder.fromPath("/bff/login")
				.queryParam("returnTo", returnTo)
				.encode()
				.build()
				.toUri();
			return new RedirectServerAuthenticationEntryPoint(login.toString()).commence(exchange, ex);
		};
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				List.of(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
						new OrServerWebExchangeMatcher(new PathPatternParserServerWebExchangeMatcher("/api/**"),
								new PathPatternParserServerWebExchangeMatcher("/bff/**")),
						unauthorized)));
		entryPoint.setDefaultEntryPoint(loginRedirect);
		return entryPoint;
	}

}
