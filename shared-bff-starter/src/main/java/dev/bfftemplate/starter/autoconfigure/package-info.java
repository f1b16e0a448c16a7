/**
 * Auto-configuration of the starter.
 */
@NullMarked
package dev.bfftemplate.starter.autoconfigure;

import org.jspecify.annotations.NullMarked;
