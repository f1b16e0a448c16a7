/**
 * Idempotency keys for unsafe requests (the IETF {@code Idempotency-Key} header draft):
 * each keyed request is processed once per caller and key, its response replayed to
 * retries.
 */
@NullMarked
package dev.bfftemplate.starter.idempotency;

import org.jspecify.annotations.NullMarked;
