package dev.bfftemplate.starter.fanout;

import org.jspecify.annotations.Nullable;

/**
 * What one part came to: its value, and a warning when it is degraded.
 */
record Outcome(Part<?> part, @Nullable Object value, @Nullable Warning warning) {

}
