/**
 * The internal starter of the BFFs.
 */
package dev.bfftemplate.starter;
