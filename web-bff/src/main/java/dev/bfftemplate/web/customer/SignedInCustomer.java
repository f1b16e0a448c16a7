package dev.bfftemplate.web.customer;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer the signed-in user acts as, from the provider's {@code customer_id} claim:
 * never from the request, which a client controls.
 */
public final class SignedInCustomer {

	static final String CLAIM = "customer_id";

	private SignedInCustomer() {
	}

	/**
	 * The customer id of a user.
	 * @param user the signed-in user
	 * @return the customer id
	 * @throws ResponseStatusException 403 when the provider names no customer
	 */
	public static String idOf(OidcUser user) {
		String customerId = user.getClaimAsString(CLAIM);
		if (customerId == null || customerId.isBlank()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This account is not linked to a customer");
		}
		return customerId;
	}

}
