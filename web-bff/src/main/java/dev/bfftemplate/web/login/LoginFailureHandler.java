package dev.bfftemplate.web.login;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Logs why a login failed (the browser is told nothing but that it failed) and sends the
 * browser to the app's home page, which offers to sign in again.
 */
@Component
public class LoginFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(LoginFailureHandler.class);

	private final ServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(
			"/?login-error");

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		logger.info("Login failed: " + exception.getMessage());
		return this.redirect.onAuthenticationFailure(webFilterExchange, exception);
	}

}
