package dev.bfftemplate.mobile.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What mobile-bff requires of the app's access tokens beyond their validity (which the
 * shared starter checks, under {@code bff.resource-server}), under
 * {@code mobile-bff.security}.
 *
 * @param requiredScope the scope every screen needs (403 without it)
 */
@ConfigurationProperties("mobile-bff.security")
@Validated
public record MobileSecurityProperties(@NotBlank String requiredScope) {

}
