package dev.bfftemplate.starter.tokenhandler.token;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * What the session keeps of an {@link OAuth2AuthorizedClient}: the tokens, the
 * registration id and the principal name, but not the {@link ClientRegistration} with its
 * client secret (spring-security#14360), which is looked up again when read.
 *
 * @param registrationId the client registration id
 * @param principalName the signed-in user's name
 * @param accessToken the access token value
 * @param accessTokenIssuedAt when it was issued
 * @param accessTokenExpiresAt when it expires
 * @param scopes its scopes
 * @param refreshToken the refresh token value, or {@code null}
 * @param refreshTokenIssuedAt when the refresh token was issued, or {@code null}
 */
record StoredAuthorizedClient(String registrationId, String principalName, String accessToken,
		Instant accessTokenIssuedAt, Instant accessTokenExpiresAt, Set<String> scopes, String refreshToken,
		Instant refreshTokenIssuedAt) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static StoredAuthorizedClient from(OAuth2AuthorizedClient client) {
		OAuth2AccessToken access = client.getAccessToken();
		OAuth2RefreshToken refresh = client.getRefreshToken();
		return new StoredAuthorizedClient(client.getClientRegistration().getRegistrationId(), client.getPrincipalName(),
				access.getTokenValue(), access.getIssuedAt(), access.getExpiresAt(), Set.copyOf(access.getScopes()),
				(refresh != null) ? refresh.getTokenValue() : null, (refresh != null) ? refresh.getIssuedAt() : null);
	}

	OAuth2AuthorizedClient toAuthorizedClient(ClientRegistration registration) {
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, this.accessToken,
				this.accessTokenIssuedAt, this.accessTokenExpiresAt, this.scopes);
		OAuth2RefreshToken refresh = (this.refreshToken != null)
				? new OAuth2RefreshToken(this.refreshToken, this.refreshTokenIssuedAt) : null;
		return new OAuth2AuthorizedClient(registration, this.principalName, access, refresh);
	}

	@Override
	public String toString() {
		// Never print tokens, even in a debug log of the session.
		return "StoredAuthorizedClient[registrationId=%s, principalName=%s, accessTokenExpiresAt=%s]"
			.formatted(this.registrationId, this.principalName, this.accessTokenExpiresAt);
	}

}
