/**
 * Access tokens validated locally, as a resource server: the decoder every BFF that takes
 * bearer tokens uses, and the relay of the validated token to the services.
 */
@NullMarked
package dev.bfftemplate.starter.resourceserver;

import org.jspecify.annotations.NullMarked;
