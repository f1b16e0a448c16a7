package dev.bfftemplate.starter.resourceserver;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses OpenID Connect ID tokens presented as access tokens. Some providers (Spring
 * Authorization Server among them) give both {@code typ: JWT}, so the type alone cannot
 * tell them apart: the claims only an ID token carries ({@code nonce}, {@code at_hash},
 * {@code c_hash}) can. The audience check refuses most ID tokens already (theirs is the
 * client, not this API).
 */
final class NotAnIdTokenValidator implements OAuth2TokenValidator<Jwt> {

	private static final List<String> ID_TOKEN_CLAIMS = List.of("nonce", "at_hash", "c_hash");

	private static final OAuth2Error ID_TOKEN = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"An ID token is not an access token", null);

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		for (String claim : ID_TOKEN_CLAIMS) {
			if (token.hasClaim(claim)) {
				return OAuth2TokenValidatorResult.failure(ID_TOKEN);
			}
		}
		return OAuth2TokenValidatorResult.success();
	}

}
