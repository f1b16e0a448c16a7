package dev.bfftemplate.demo.services.data;

import java.time.LocalDate;

/**
 * A customer of the demo shop.
 *
 * @param id customer id, {@code c-001} onwards
 * @param name full name
 * @param email email address
 * @param tier loyalty tier: {@code bronze}, {@code silver}, {@code gold} or
 * {@code platinum}
 * @param memberSince date the customer signed up
 */
public record Customer(String id, String name, String email, String tier, LocalDate memberSince) {

}
