/**
 * The custom CSRF header every call of the web app's script carries.
 */
package dev.bfftemplate.starter.tokenhandler.csrf;
