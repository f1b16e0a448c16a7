/**
 * The user's tokens in the session: refresh once per session across instances, relay
 * downstream.
 */
package dev.bfftemplate.starter.tokenhandler.token;
