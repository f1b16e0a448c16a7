/**
 * The session that holds the tokens: its store (Redis, encrypted, or memory), absolute
 * timeout, writes only on change, and the OIDC session index of back-channel logout.
 */
package dev.bfftemplate.starter.tokenhandler.session;
