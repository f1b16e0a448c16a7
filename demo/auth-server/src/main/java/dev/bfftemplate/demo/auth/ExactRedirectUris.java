package dev.bfftemplate.demo.auth;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A confidential client's {@code redirect_uri} must be one of its registered URIs,
 * character for character. Spring Authorization Server otherwise accepts any port on a
 * loopback address ({@code 127.0.0.1}, {@code [::1]}), as RFC 8252 §7.3 asks for native
 * apps: right for the public mobile client, which keeps that rule, wrong for a web
 * client, where any local process on another port could receive its codes.
 */
final class ExactRedirectUris implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private static final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> DEFAULTS = new OAuth2AuthorizationCodeRequestAuthenticationValidator();

	/**
	 * Sets this rule, followed by Spring Authorization Server's own checks, on the
	 * authorization endpoint's provider.
	 * @return the customizer of the endpoint's provider list
	 */
	static Consumer<List<AuthenticationProvider>> onAuthorizationRequests() {
		ExactRedirectUris exact = new ExactRedirectUris();
		Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator = exact.andThen(DEFAULTS);
		return (providers) -> providers.forEach((provider) -> {
			if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider authorization) {
				authorization.setAuthenticationValidator(validator);
			}
		});
	}

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		RegisteredClient client = context.getRegisteredClient();
		if (client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
			return;
		}
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String redirectUri = request.getRedirectUri();
		if (redirectUri == null || !client.getRedirectUris().contains(redirectUri)) {
			OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: redirect_uri",
					null);
			// No authorization request in the exception: the error is shown here, never
			// sent to an unregistered redirect URI.
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
		}
	}

}
