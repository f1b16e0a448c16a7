package dev.bfftemplate.web.security;

import java.util.List;

import dev.bfftemplate.starter.tokenhandler.security.PublicPathsCustomizer;
import dev.bfftemplate.starter.tokenhandler.security.TokenHandlerHttpSecurityCustomizer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What web-bff adds to the starter's token handler: the web app's files are public, and
 * every response carries the web app's {@code Content-Security-Policy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrowserHeadersProperties.class)
class WebAppSecurityConfiguration {

	@Bean
	PublicPathsCustomizer webAppFiles() {
		return (publicPaths) -> publicPaths.addAll(List.of("/", "/index.html", "/app/**", "/favicon.ico"));
	}

	@Bean
	TokenHandlerHttpSecurityCustomizer browserHeaders(BrowserHeadersProperties headers) {
		return (http) -> http.headers((browserHeaders) -> browserHeaders
			.contentSecurityPolicy((csp) -> csp.policyDirectives(headers.contentSecurityPolicy())));
	}

}
