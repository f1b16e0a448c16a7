package dev.bfftemplate.demo.auth.token;

import java.util.Optional;

import dev.bfftemplate.demo.auth.user.DemoUsersProperties;
import dev.bfftemplate.demo.auth.user.DemoUsersProperties.DemoUser;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds what the BFFs need to the JWTs this server issues.
 * <ul>
 * <li>Access tokens: {@code aud} is the client id plus the client's resource audiences,
 * and a user's token carries {@code name}, {@code email} and {@code customer_id}, so a
 * resource server needs no UserInfo call.</li>
 * <li>ID tokens: {@code name} with the {@code profile} scope and {@code email} with the
 * {@code email} scope (OIDC Core 5.4). Spring Authorization Server adds {@code sid}
 * itself.</li>
 * </ul>
 */
class DemoTokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String CUSTOMER_ID = "customer_id";

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final TokenAudienceProperties audiences;

	private final DemoUsersProperties users;

	DemoTokenClaimsCustomizer(TokenAudienceProperties audiences, DemoUsersProperties users) {
		this.audiences = audiences;
		this.users = users;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			customizeAccessToken(context);
		}
		else if (ID_TOKEN.equals(context.getTokenType())) {
			customizeIdToken(context);
		}
	}

	private void customizeAccessToken(JwtEncodingContext context) {
		JwtClaimsSet.Builder claims = context.getClaims();
		claims.audience(this.audiences.audiencesFor(context.getRegisteredClient().getClientId()));
		user(context).ifPresent((user) -> claims.claim(StandardClaimNames.NAME, user.name())
			.claim(StandardClaimNames.EMAIL, user.email())
			.claim(CUSTOMER_ID, user.customerId()));
	}

	private void customizeIdToken(JwtEncodingContext context) {
		JwtClaimsSet.Builder claims = context.getClaims();
		user(context).ifPresent((user) -> {
			if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
				claims.claim(StandardClaimNames.NAME, user.name());
			}
			if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
				claims.claim(StandardClaimNames.EMAIL, user.email());
			}
		});
	}

	private Optional<DemoUser> user(JwtEncodingContext context) {
		// A client-credentials principal is the client: never look it up as a user.
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return Optional.empty();
		}
		return this.users.findUser(context.getPrincipal().getName());
	}

}
