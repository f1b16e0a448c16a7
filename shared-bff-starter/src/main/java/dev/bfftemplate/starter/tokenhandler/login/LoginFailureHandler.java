package dev.bfftemplate.starter.tokenhandler.login;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import reactor.core.publisher.Mono;

/**
 * Logs why a login failed (the browser is told nothing but that it failed) and sends the
 * browser to {@code bff.token-handler.paths.login-failure} (the app's home page, which
 * offers to sign in again).
 */
public class LoginFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(LoginFailureHandler.class);

	private final ServerAuthenticationFailureHandler redirect;

	/**
	 * Creates the handler.
	 * @param location where the browser goes, a path on this site
	 */
	public LoginFailureHandler(String location) {
		this.redirect = new RedirectServerAuthenticationFailureHandler(location);
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		logger.info("Login failed: " + exception.getMessage());
		return this.redirect.onAuthenticationFailure(webFilterExchange, exception);
	}

}
