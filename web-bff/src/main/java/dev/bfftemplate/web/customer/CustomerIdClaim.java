package dev.bfftemplate.web.customer;

import java.util.Map;

import dev.bfftemplate.starter.tokenhandler.user.UserClaimsCustomizer;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * {@code /bff/user} tells the web app which customer the user acts as (the provider's
 * {@code customer_id} claim, or {@code null}).
 */
@Component
class CustomerIdClaim implements UserClaimsCustomizer {

	@Override
	public void customize(OidcUser user, Map<String, Object> claims) {
		claims.put("customerId", user.getClaimAsString(SignedInCustomer.CLAIM));
	}

}
