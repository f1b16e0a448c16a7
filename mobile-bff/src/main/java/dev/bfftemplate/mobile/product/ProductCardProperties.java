package dev.bfftemplate.mobile.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The product card, under {@code mobile-bff.product}.
 *
 * @param reviewSnippets how many review snippets
 * @param idPattern what a product id looks like; anything else is a 400 before any call
 */
@ConfigurationProperties("mobile-bff.product")
@Validated
record ProductCardProperties(@DefaultValue("3") @Min(0) @Max(10) int reviewSnippets,
		@DefaultValue("[A-Za-z0-9-]{1,64}") @NotBlank String idPattern) {

}
