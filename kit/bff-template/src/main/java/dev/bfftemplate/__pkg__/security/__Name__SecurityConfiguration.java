package dev.bfftemplate.__pkg__.security;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * A resource server: every {@code /__name__/**} request carries a bearer token of the
 * issuer, signed by its keys and meant for this BFF. The shared starter validates it
 * ({@code bff.resource-server.*}) and relays it to the services; this class says only
 * which paths need it and how refusals look. Stateless: no session, no CSRF (no cookies).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class __Name__SecurityConfiguration {

	@Bean
	SecurityWebFilterChain __name__Security(ServerHttpSecurity http) {
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED,
				"unauthorized", "A valid access token is required.");
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/livez", "/readyz")
			.permitAll()
			.pathMatchers("/__name__/**")
			.authenticated()
			// nothing else is served on this port: any other path is a 404
			.anyExchange()
			.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
			}).authenticationEntryPoint(unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((exchange, denied) -> problem(exchange, HttpStatus.FORBIDDEN, "forbidden",
						"The access token does not allow this request.")))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return http.build();
	}

	private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		// RFC 6750: a bearer challenge on every 401
		if (status == HttpStatus.UNAUTHORIZED) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		exchange.getResponse().setStatusCode(status);
		exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"/problems/" + type + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + detail + "\"}";
		DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return exchange.getResponse().writeWith(Mono.just(buffer));
	}

}
