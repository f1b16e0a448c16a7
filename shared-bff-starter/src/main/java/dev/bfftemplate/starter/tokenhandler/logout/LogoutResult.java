package dev.bfftemplate.starter.tokenhandler.logout;

/**
 * The answer to {@code POST /bff/logout}.
 *
 * @param redirectTo where the browser goes next: the provider's end-session endpoint
 * (RP-initiated logout), or this site's home page
 */
record LogoutResult(String redirectTo) {

}
