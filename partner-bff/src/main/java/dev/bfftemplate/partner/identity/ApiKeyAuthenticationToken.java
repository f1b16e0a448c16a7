package dev.bfftemplate.partner.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key as presented, not yet authenticated. Its {@code toString} never shows the
 * key.
 */
final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

	private final String key;

	ApiKeyAuthenticationToken(String key) {
		super(List.of());
		this.key = key;
	}

	@Override
	public Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return "api-key";
	}

	@Override
	public String toString() {
		return "ApiKeyAuthenticationToken";
	}

}
