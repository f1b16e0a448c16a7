/**
 * Downstream services: breakers, concurrency limits, retries, metrics and the HTTP
 * service group configuration.
 */
@NullMarked
package dev.bfftemplate.starter.downstream;

import org.jspecify.annotations.NullMarked;
