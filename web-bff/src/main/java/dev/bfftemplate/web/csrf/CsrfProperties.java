package dev.bfftemplate.web.csrf;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The custom header that every protected request must carry.
 *
 * @param headerName the header's name
 * @param headerValue the value it must have
 */
@ConfigurationProperties("web-bff.csrf")
@Validated
public record CsrfProperties(@NotBlank @DefaultValue("X-CSRF") String headerName,
		@NotBlank @DefaultValue("1") String headerValue) {

}
