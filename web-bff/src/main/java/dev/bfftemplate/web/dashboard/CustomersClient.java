package dev.bfftemplate.web.dashboard;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import reactor.core.publisher.Mono;

/**
 * The customers service ({@code spring.http.serviceclient.customers.base-url}).
 */
@HttpExchange
interface CustomersClient {

	@GetExchange("/{id}")
	Mono<CustomerProfile> profile(@PathVariable String id);

	/**
	 * A customer's profile.
	 *
	 * @param id the customer id
	 * @param name the name
	 * @param email the e-mail address
	 * @param tier the loyalty tier
	 * @param memberSince since when the customer is a member
	 */
	record CustomerProfile(String id, String name, String email, String tier, LocalDate memberSince) {

	}

}
