package dev.bfftemplate.demo.auth;

import dev.bfftemplate.demo.auth.logout.BackChannelLogoutConfiguration;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Security filter chains: the OAuth2/OIDC protocol endpoints first, then the login form
 * that everything else sits behind.
 *
 * <p>
 * Boot's own chains are replaced only to let the health probes and the loopback-bound
 * actuator through without a login.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurityConfiguration {

	private static final String LOGIN_PAGE = "/login";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			// OIDC adds discovery, UserInfo, ID tokens with "sid" and RP-initiated
			// logout; discovery also says that this server sends back-channel logout
			// tokens with "sid" (logout.BackChannelLogout).
			authorizationServer.oidc((oidc) -> oidc.providerConfigurationEndpoint((discovery) -> discovery
				.providerConfigurationCustomizer(BackChannelLogoutConfiguration::advertise)));
			// A confidential client's redirect URI matches exactly, even on a loopback
			// address. (Pushed authorization requests, which would need it too, are off.)
			authorizationServer.authorizationEndpoint(
					(endpoint) -> endpoint.authenticationProviders(ExactRedirectUris.onAuthorizationRequests()));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// UserInfo is called with an access token issued here.
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
		// A browser at the authorize endpoint is sent to the login form; API callers get
		// a 401.
		http.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
				new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain loginSecurityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers(EndpointRequest.toAnyEndpoint(),
					EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class))
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin(withDefaults());
		return http.build();
	}

}
