package dev.bfftemplate.web.user;

/**
 * What the web app needs to know about the signed-in user: never a token.
 *
 * @param subject the user's stable id at the provider
 * @param name the display name
 * @param email the e-mail address
 * @param customerId the customer the user acts as, if the provider says
 * @param logoutUrl where to {@code POST} to log out
 * @param sessionExpiresInSeconds how long the session lives at most without activity
 */
record BffUser(String subject, String name, String email, String customerId, String logoutUrl,
		long sessionExpiresInSeconds) {

}
