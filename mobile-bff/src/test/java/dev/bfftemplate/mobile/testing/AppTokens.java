package dev.bfftemplate.mobile.testing;

import dev.bfftemplate.test.jwt.JwtIssuer;

/**
 * Access tokens as the demo auth server issues them to the mobile app: audience
 * {@code mobile-app} and {@code mobile-bff}, the user's scopes and {@code customer_id}.
 */
public final class AppTokens {

	private AppTokens() {
	}

	/**
	 * A token builder for a user, valid until told otherwise.
	 * @param user the subject
	 * @param customerId the customer the user is
	 * @return the builder
	 */
	public static JwtIssuer.TokenBuilder of(String user, String customerId) {
		return StandIns.issuer()
			.token()
			.subject(user)
			.audience("mobile-app", "mobile-bff")
			.scope("openid profile email")
			.claim("customer_id", customerId);
	}

	/**
	 * Alice's token.
	 * @return the compact JWT
	 */
	public static String alice() {
		return of("alice", "c-001").build();
	}

	/**
	 * Bob's token.
	 * @return the compact JWT
	 */
	public static String bob() {
		return of("bob", "c-002").build();
	}

}
