package dev.bfftemplate.starter.tokenhandler.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.starter.tokenhandler.csrf.CsrfHeaderWebFilter;
import dev.bfftemplate.starter.tokenhandler.login.LoginFailureHandler;
import dev.bfftemplate.starter.tokenhandler.login.LoginSuccessHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
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
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The token handler's security: OIDC login (authorization code + PKCE) whose tokens stay
 * in the server-side session, the CSRF header on every call of the web app's script
 * ({@code bff.token-handler.paths.api}), 401 problems for those calls and a login
 * redirect for page navigations. An application names its public paths with
 * {@link PublicPathsCustomizer} beans and adds its own headers with
 * {@link TokenHandlerHttpSecurityCustomizer} beans. Imported by the token handler's
 * auto-configuration, whose conditions apply.
 */
@Configuration(proxyBeanMethods = false)
public final class TokenHandlerSecurityConfiguration {

	/**
	 * Public on the main port whatever the application: Boot's error path and the probes
	 * the starter's defaults add there.
	 */
	private static final List<String> ALWAYS_PUBLIC = List.of("/livez", "/readyz", "/error");

	/**
	 * The actuator endpoints that are exposed (health, info, prometheus) live on the
	 * management port, bound to loopback: probes and scrapers reach them without a
	 * session. No actuator endpoint is reachable through the public port.
	 * @param http the chain's builder
	 * @return the chain of the actuator endpoints
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "managementSecurity")
	SecurityWebFilterChain managementSecurity(ServerHttpSecurity http) {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
		return http.build();
	}

	@Bean
	@ConditionalOnMissingBean(name = "tokenHandlerSecurity")
	SecurityWebFilterChain tokenHandlerSecurity(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, LoginSuccessHandler loginSuccessHandler,
			LoginFailureHandler loginFailureHandler, TokenHandlerProperties properties, ProblemResponses problems,
			ObjectProvider<PublicPathsCustomizer> publicPathsCustomizers,
			ObjectProvider<TokenHandlerHttpSecurityCustomizer> httpCustomizers) {
		TokenHandlerProperties.Paths paths = properties.paths();
		DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
		publicPathsCustomizers.orderedStream().forEach((customizer) -> customizer.customize(publicPaths));
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers(publicPaths.toArray(String[]::new))
			.permitAll()
			.pathMatchers(HttpMethod.GET, paths.login())
			.permitAll()
			.pathMatchers(HttpMethod.POST, paths.backChannelLogout())
			.permitAll()
			.anyExchange()
			.authenticated())
			.oauth2Login((login) -> login.authorizationRequestResolver(authorizationRequests)
				.authorizedClientRepository(authorizedClients)
				.authenticationSuccessHandler(loginSuccessHandler)
				.authenticationFailureHandler(loginFailureHandler))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint(paths, problems))
				.accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN,
						"/problems/forbidden", "You may not do this")))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			// Replaced by the custom header check below, which a SPA meets without a
			// token.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(new CsrfHeaderWebFilter(csrfProtected(paths), properties.csrf(), problems),
					SecurityWebFiltersOrder.CSRF)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable);
		httpCustomizers.orderedStream().forEach((customizer) -> customizer.customize(http));
		return http.build();
	}

	/**
	 * Every call of the web app's script, whatever its method (a GET of user data is
	 * refused cross-site too), except the two that cannot carry a header: the login
	 * navigation and the provider's back-channel logout.
	 */
	private static ServerWebExchangeMatcher csrfProtected(TokenHandlerProperties.Paths paths) {
		ServerWebExchangeMatcher exempt = new OrServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths.login()),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, paths.backChannelLogout()));
		return new AndServerWebExchangeMatcher(
				ServerWebExchangeMatchers.pathMatchers(paths.api().toArray(String[]::new)),
				new NegatedServerWebExchangeMatcher(exempt));
	}

	private static ServerAuthenticationEntryPoint entryPoint(TokenHandlerProperties.Paths paths,
			ProblemResponses problems) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> problems.write(exchange,
				HttpStatus.UNAUTHORIZED, "/problems/not-signed-in", "Sign in first");
		ServerAuthenticationEntryPoint loginRedirect = (exchange, ex) -> {
			String returnTo = exchange.getRequest().getPath().pathWithinApplication().value();
			URI login = UriComponentsBuilder.fromPath(paths.login())
				.queryParam("returnTo", returnTo)
				.encode()
				.build()
				.toUri();
			return new RedirectServerAuthenticationEntryPoint(login.toString()).commence(exchange, ex);
		};
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				List.of(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
						ServerWebExchangeMatchers.pathMatchers(paths.api().toArray(String[]::new)), unauthorized)));
		entryPoint.setDefaultEntryPoint(loginRedirect);
		return entryPoint;
	}

}
