/**
 * Problems ({@code application/problem+json}, RFC 9457, with the request's
 * {@code traceId}) written by web filters, which answer before any controller.
 */
@NullMarked
package dev.bfftemplate.starter.problem;

import org.jspecify.annotations.NullMarked;
