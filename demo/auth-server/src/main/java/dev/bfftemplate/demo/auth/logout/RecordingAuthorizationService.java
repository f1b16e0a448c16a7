package dev.bfftemplate.demo.auth.logout;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring Authorization Server's authorization store, which also tells
 * {@link IdTokenSessions} which client received an ID token in which session: an
 * authorization is saved with its ID token (after a code exchange or a refresh), and the
 * ID token's claims ({@code aud}, {@code sub}, {@code sid}, {@code iss}) are what a
 * logout token must repeat.
 */
final class RecordingAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	private final IdTokenSessions sessions;

	RecordingAuthorizationService(OAuth2AuthorizationService delegate, IdTokenSessions sessions) {
		this.delegate = delegate;
		this.sessions = sessions;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		this.delegate.save(authorization);
		OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
		if (idToken != null) {
			OidcIdToken token = idToken.getToken();
			String sid = token.getClaimAsString("sid");
			if (sid != null && token.getAudience() != null && token.getIssuer() != null) {
				for (String clientId : token.getAudience()) {
					this.sessions.issued(new IdTokenSessions.Recipient(clientId, token.getSubject(), sid,
							token.getIssuer().toString()));
				}
			}
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
	}

}
