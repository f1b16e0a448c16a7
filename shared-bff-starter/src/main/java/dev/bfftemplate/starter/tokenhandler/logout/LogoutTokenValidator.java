package dev.bfftemplate.starter.tokenhandler.logout;

import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks what OpenID Connect Back-Channel Logout 1.0 (section 2.6) requires of a logout
 * token beyond signature, issuer and time: our client as audience, the back-channel
 * logout event, a {@code sub} or {@code sid}, and no {@code nonce} (so an ID token cannot
 * be replayed as a logout token).
 */
class LogoutTokenValidator implements OAuth2TokenValidator<Jwt> {

	static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private final String clientId;

	LogoutTokenValidator(String clientId) {
		this.clientId = clientId;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		if (token.getAudience() == null || !token.getAudience().contains(this.clientId)) {
			return invalid("The logout token is not meant for this client");
		}
		Object events = token.getClaims().get("events");
		if (!(events instanceof Map<?, ?> eventMap) || !eventMap.containsKey(BACK_CHANNEL_LOGOUT_EVENT)) {
			return invalid("The logout token has no back-channel logout event");
		}
		if (token.getSubject() == null && token.getClaimAsString("sid") == null) {
			return invalid("The logout token names neither sub nor sid");
		}
		if (token.hasClaim("nonce")) {
			return invalid("A logout token must not carry a nonce");
		}
		if (token.getIssuedAt() == null) {
			return invalid("The logout token has no iat");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult invalid(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_request", description, null));
	}

}
