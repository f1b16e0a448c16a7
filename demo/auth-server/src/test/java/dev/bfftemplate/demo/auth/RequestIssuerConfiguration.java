package dev.bfftemplate.demo.auth;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * Lets the issuer resolve from each request, so that it names the random port a test runs
 * on instead of the configured {@code http://localhost:9000}. The endpoint paths stay
 * Spring Authorization Server's defaults, as in application.yaml.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestIssuerConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

}
