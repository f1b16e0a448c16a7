package dev.bfftemplate.mobile.customer;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.bfftemplate.mobile.problem.Problems;

/**
 * The customer the caller acts as: the {@code customer_id} claim of the validated access
 * token, never anything from the path, query or body.
 */
public final class SignedInCustomer {

	static final String CLAIM = "customer_id";

	private SignedInCustomer() {
	}

	/**
	 * The customer id of a token.
	 * @param token the validated access token
	 * @return the customer id
	 * @throws org.springframework.web.ErrorResponseException 403 when the token names no
	 * customer
	 */
	public static String idOf(Jwt token) {
		String customerId = token.getClaimAsString(CLAIM);
		if (customerId == null || customerId.isBlank()) {
			throw Problems.of(HttpStatus.FORBIDDEN, "no-customer", "This account is not linked to a customer.",
					Map.of());
		}
		return customerId;
	}

}
