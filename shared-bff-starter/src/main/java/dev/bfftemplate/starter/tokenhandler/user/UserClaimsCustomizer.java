package dev.bfftemplate.starter.tokenhandler.user;

import java.util.Map;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Adds what an application's web app needs to know about the signed-in user to the answer
 * of {@code GET /bff/user} ({@code bff.token-handler.paths.user}), which holds
 * {@code subject}, {@code name}, {@code email}, {@code logoutUrl} and
 * {@code sessionExpiresInSeconds} by default. Every bean of this type is called, in
 * order. Never put a token there.
 */
@FunctionalInterface
public interface UserClaimsCustomizer {

	/**
	 * Adds, changes or removes members of the answer.
	 * @param user the signed-in user
	 * @param claims the members of the answer so far, in the order they are written
	 */
	void customize(OidcUser user, Map<String, Object> claims);

}
