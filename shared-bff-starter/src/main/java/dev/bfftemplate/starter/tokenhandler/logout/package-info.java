/**
 * Logout: RP-initiated with refresh token revocation, and OIDC back-channel logout.
 */
package dev.bfftemplate.starter.tokenhandler.logout;
