package dev.bfftemplate.demo.services.data;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Shape of the generated demo data. The same values give the same data on every start.
 *
 * @param seed seed of the generator
 * @param products number of products ({@code p-001} onwards)
 * @param customers number of customers ({@code c-001} onwards)
 * @param currency ISO 4217 code of every price
 * @param referenceTime instant the seeded orders and reviews are dated back from, fixed
 * so that the data does not depend on the day the app starts
 * @param imageBaseUrl base URL of product images, the product id and ".jpg" are appended
 */
@ConfigurationProperties("demo.data")
@Validated
public record DemoDataProperties(@DefaultValue("42") long seed, @DefaultValue("300") @Min(1) @Max(999) int products,
		@DefaultValue("50") @Min(2) @Max(999) int customers, @DefaultValue("EUR") @NotBlank String currency,
		@DefaultValue("2026-01-01T00:00:00Z") Instant referenceTime,
		@DefaultValue("https://images.example.com/products/") URI imageBaseUrl) {

}
