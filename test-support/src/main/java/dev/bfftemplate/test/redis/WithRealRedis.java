package dev.bfftemplate.test.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the JVM's shared {@link RealRedis real Redis}: Spring tests get
 * {@code spring.data.redis.host} and {@code spring.data.redis.port} pointing at it, and
 * any test method may take a {@link RedisEndpoint} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealRedisExtension.class)
public @interface WithRealRedis {

}
