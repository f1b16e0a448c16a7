package dev.bfftemplate.mobile.home;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the home screen shows, under {@code mobile-bff.home}.
 *
 * @param recentOrders how many recent orders
 * @param recommendations how many recommendations
 * @param detailsDeadline the deadline of the second round (thumbnail and price of each
 * recommendation), after the first
 */
@ConfigurationProperties("mobile-bff.home")
@Validated
record HomeProperties(@DefaultValue("5") @Min(0) @Max(20) int recentOrders,
		@DefaultValue("3") @Min(0) @Max(10) int recommendations, @DefaultValue("800ms") Duration detailsDeadline) {

}
