/**
 * The fan-out: parallel downstream calls of one screen, with per-call policies and
 * partial-response warnings.
 */
@NullMarked
package dev.bfftemplate.starter.fanout;

import org.jspecify.annotations.NullMarked;
