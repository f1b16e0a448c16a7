package dev.bfftemplate.demo.services.orders;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Order rules.
 *
 * @param maxQuantity most units of one product a single order may hold
 * @param maxKeptOrders most orders placed at runtime kept in memory; beyond it the oldest
 * are forgotten, so that a long benchmark cannot exhaust the heap
 */
@ConfigurationProperties("demo.orders")
@Validated
record OrdersProperties(@DefaultValue("10") @Min(1) int maxQuantity,
		@DefaultValue("100000") @Min(1) int maxKeptOrders) {

}
