package dev.bfftemplate.web.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Response headers that harden the web app in the browser.
 *
 * @param contentSecurityPolicy the {@code Content-Security-Policy}: scripts, styles and
 * calls from this origin only, so injected markup cannot run code or send data elsewhere
 */
@ConfigurationProperties("web-bff.headers")
@Validated
record BrowserHeadersProperties(@NotBlank String contentSecurityPolicy) {

}
