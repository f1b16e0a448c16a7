package dev.bfftemplate.demo.services.inventory;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Inventory rules.
 *
 * @param lowStockThreshold at or below this many units (and above zero) a product's stock
 * is reported as {@code low}
 */
@ConfigurationProperties("demo.inventory")
@Validated
record InventoryProperties(@DefaultValue("10") @Min(0) int lowStockThreshold) {

}
