/**
 * The web app's public origin, from configuration, never from request headers.
 */
package dev.bfftemplate.starter.tokenhandler.origin;
