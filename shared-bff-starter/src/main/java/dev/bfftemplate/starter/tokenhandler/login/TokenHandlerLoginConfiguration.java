package dev.bfftemplate.starter.tokenhandler.login;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.starter.tokenhandler.origin.PublicOrigin;
import dev.bfftemplate.starter.tokenhandler.session.OidcSessionIndex;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Login: {@code GET bff.token-handler.paths.login} remembers where the browser goes
 * afterwards; the handlers record the session for back-channel logout and send the
 * browser there (or, on failure, to {@code paths.login-failure}). Imported by the token
 * handler's auto-configuration, whose conditions apply.
 */
@Configuration(proxyBeanMethods = false)
public final class TokenHandlerLoginConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LoginController tokenHandlerLoginController(TokenHandlerProperties properties) {
		return new LoginController(properties.tokens());
	}

	@Bean
	@ConditionalOnMissingBean
	LoginSuccessHandler loginSuccessHandler(OidcSessionIndex sessionIndex, PublicOrigin origin) {
		return new LoginSuccessHandler(sessionIndex, origin);
	}

	@Bean
	@ConditionalOnMissingBean
	LoginFailureHandler loginFailureHandler(TokenHandlerProperties properties) {
		return new LoginFailureHandler(properties.paths().loginFailure());
	}

}
