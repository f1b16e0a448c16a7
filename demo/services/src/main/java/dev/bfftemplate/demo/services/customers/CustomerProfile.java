package dev.bfftemplate.demo.services.customers;

import java.time.LocalDate;

import dev.bfftemplate.demo.services.data.Customer;

/**
 * A customer's profile.
 *
 * @param id customer id
 * @param name full name
 * @param email email address
 * @param tier loyalty tier: {@code bronze}, {@code silver}, {@code gold} or
 * {@code platinum}
 * @param memberSince date the customer signed up
 */
record CustomerProfile(String id, String name, String email, String tier, LocalDate memberSince) {

	static CustomerProfile of(Customer customer) {
		return new CustomerProfile(customer.id(), customer.name(), customer.email(), customer.tier(),
				customer.memberSince());
	}

}
