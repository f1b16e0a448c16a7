package dev.bfftemplate.partner.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated partner. Holds no credential: the key or token that proved it is gone
 * once the partner is known.
 */
public final class PartnerAuthentication extends AbstractAuthenticationToken {

	private final Partner partner;

	PartnerAuthentication(Partner partner) {
		super(List.of(new SimpleGrantedAuthority("ROLE_PARTNER")));
		this.partner = partner;
		setAuthenticated(true);
	}

	@Override
	public Partner getPrincipal() {
		return this.partner;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return this.partner.id();
	}

}
