package dev.bfftemplate.mobile.orders;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order list, under {@code mobile-bff.orders}.
 *
 * @param defaultLimit orders per page when the app does not say
 * @param maxLimit the largest {@code limit} accepted (400 above)
 * @param cursorSecret Base64 of at least 32 bytes signing the paging cursors; every
 * instance needs the same. Without one, a random secret is made at start (cursors then
 * fail on other instances and after a restart)
 */
@ConfigurationProperties("mobile-bff.orders")
@Validated
public record OrdersProperties(@DefaultValue("20") @Min(1) int defaultLimit, @DefaultValue("50") @Max(100) int maxLimit,
		@Nullable String cursorSecret) {

}
