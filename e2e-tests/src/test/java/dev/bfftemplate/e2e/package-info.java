/**
 * Cross-module scenarios against the stack started by the demo launcher.
 */
package dev.bfftemplate.e2e;
