package dev.bfftemplate.web.testing;

import java.util.UUID;

/**
 * A user of the stand-in provider.
 *
 * @param subject the {@code sub}
 * @param name the display name
 * @param email the e-mail address
 * @param customerId the {@code customer_id} claim
 * @param customerIdInIdToken whether the ID token carries it too (the demo auth server
 * puts it in the access token only)
 */
public record DemoUser(String subject, String name, String email, String customerId, boolean customerIdInIdToken) {

	/**
	 * A fresh user, so tests never see each other's sessions.
	 * @return the user
	 */
	public static DemoUser alice() {
		return new DemoUser("alice-" + UUID.randomUUID(), "Alice Example", "alice@example.test", "c-001", true);
	}

	/**
	 * A fresh user whose customer id is in the access token only, as the demo auth server
	 * issues it.
	 * @return the user
	 */
	public static DemoUser withCustomerInAccessTokenOnly() {
		String customerId = "c-" + UUID.randomUUID();
		return new DemoUser("user-" + customerId, "Carol Example", "carol@example.test", customerId, false);
	}

	/**
	 * A fresh user acting as a customer of their own, so stubs keyed by customer id never
	 * clash between tests.
	 * @return the user
	 */
	public static DemoUser withOwnCustomer() {
		String customerId = "c-" + UUID.randomUUID();
		return new DemoUser("user-" + customerId, "Bob Example", "bob@example.test", customerId, true);
	}

}
