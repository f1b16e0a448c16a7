package dev.bfftemplate.starter.tokenhandler.user;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET bff.token-handler.paths.user}. Imported by the token handler's
 * auto-configuration, whose conditions apply.
 */
@Configuration(proxyBeanMethods = false)
public final class TokenHandlerUserConfiguration {

	@Bean
	@ConditionalOnMissingBean
	UserController tokenHandlerUserController(TokenHandlerProperties properties,
			ObjectProvider<UserClaimsCustomizer> customizers) {
		return new UserController(properties, customizers.orderedStream().toList());
	}

}
