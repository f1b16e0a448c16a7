package dev.bfftemplate.starter.tokenhandler.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Adds what is an application's own to the token handler's security filter chain, such as
 * its {@code Content-Security-Policy}, before the chain is built. Every bean of this type
 * is called, in order, after the token handler has configured the chain.
 */
@FunctionalInterface
public interface TokenHandlerHttpSecurityCustomizer {

	/**
	 * Customizes the chain.
	 * @param http the chain's builder
	 */
	void customize(ServerHttpSecurity http);

}
