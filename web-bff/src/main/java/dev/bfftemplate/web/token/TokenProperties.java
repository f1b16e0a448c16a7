package dev.bfftemplate.web.token;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which client registration holds the user's tokens, and when they are refreshed.
 *
 * @param registrationId the {@code spring.security.oauth2.client.registration.*} id used
 * for login and token relay
 * @param refreshBeforeExpiry how long before its expiry an access token is refreshed
 */
@ConfigurationProperties("web-bff.tokens")
@Validated
public record TokenProperties(@NotBlank @DefaultValue("web-bff") String registrationId,
		@NotNull @DefaultValue("60s") Duration refreshBeforeExpiry) {

}
