package dev.bfftemplate.demo.services.orders;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Order rules.
 *
 * @param maxQuantity most units of one product a single order may hold
 */
@ConfigurationProperties("demo.orders")
@Validated
record OrdersProperties(@DefaultValue("10") @Min(1) int maxQuantity) {

}
