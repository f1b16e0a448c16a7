/**
 * {@code GET /bff/user}: who is signed in, never a token; applications add claims with a
 * customizer.
 */
package dev.bfftemplate.starter.tokenhandler.user;
