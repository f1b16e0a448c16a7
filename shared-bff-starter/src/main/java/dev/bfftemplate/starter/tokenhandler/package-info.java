/**
 * The browser token handler (the BFF pattern of a single-page app), auto-configured by
 * {@link dev.bfftemplate.starter.tokenhandler.TokenHandlerAutoConfiguration}; one package
 * per concern.
 */
package dev.bfftemplate.starter.tokenhandler;
