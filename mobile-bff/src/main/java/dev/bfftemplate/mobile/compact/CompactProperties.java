package dev.bfftemplate.mobile.compact;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Revalidation of screens, under {@code mobile-bff.compact}.
 *
 * @param etagPaths the path patterns whose {@code GET} answers carry an {@code ETag}
 * @param cacheControl the {@code Cache-Control} of those answers
 */
@ConfigurationProperties("mobile-bff.compact")
@Validated
public record CompactProperties(@DefaultValue("/mobile/v1/**") List<String> etagPaths,
		@DefaultValue("private, no-cache") @NotBlank String cacheControl) {

}
