/**
 * Redis as the starter and the BFFs use it: the one condition for "is Redis configured?"
 * ({@link dev.bfftemplate.starter.redis.RedisConfiguredCondition}) and the one way to
 * open the connection at start
 * ({@link dev.bfftemplate.starter.redis.RedisStartupConnection}), which keeps readiness
 * down until Redis answers.
 */
package dev.bfftemplate.starter.redis;
