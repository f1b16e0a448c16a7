/**
 * Caller identity and token relay to downstream services.
 */
@NullMarked
package dev.bfftemplate.starter.identity;

import org.jspecify.annotations.NullMarked;
