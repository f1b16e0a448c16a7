package dev.bfftemplate.web.testing;

/**
 * Tokens the stand-in provider issued for one login.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token
 * @param idToken the ID token
 * @param sid the provider session id
 * @param user the user
 */
public record IssuedTokens(String accessToken, String refreshToken, String idToken, String sid, DemoUser user) {

}
