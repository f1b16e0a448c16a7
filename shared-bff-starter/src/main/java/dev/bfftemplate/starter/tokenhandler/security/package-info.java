/**
 * The token handler's security filter chains and the customizers of an application.
 */
package dev.bfftemplate.starter.tokenhandler.security;
