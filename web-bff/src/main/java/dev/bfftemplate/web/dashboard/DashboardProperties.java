package dev.bfftemplate.web.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much the dashboard shows.
 *
 * @param recentOrders how many recent orders
 */
@ConfigurationProperties("web-bff.dashboard")
@Validated
record DashboardProperties(@DefaultValue("5") @Min(1) @Max(100) int recentOrders) {

}
