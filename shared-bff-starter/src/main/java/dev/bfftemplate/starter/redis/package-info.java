/**
 * Redis as the starter and the BFFs use it: the one condition for "is Redis configured?".
 */
package dev.bfftemplate.starter.redis;
