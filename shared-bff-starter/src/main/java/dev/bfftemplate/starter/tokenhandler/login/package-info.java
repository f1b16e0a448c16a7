/**
 * Login: authorization code + PKCE, the return to a same-origin path.
 */
package dev.bfftemplate.starter.tokenhandler.login;
