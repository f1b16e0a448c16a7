package dev.bfftemplate.starter.autoconfigure;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Hands every Redis reply of a reactive BFF to Lettuce's computation threads instead of
 * emitting it on the connection's one I/O thread.
 * <p>
 * Spring Data Redis shares one connection, and by default Lettuce emits each reply on
 * that connection's event loop: everything a request does after reading its session or
 * idempotency key (security, the screen, the fan-out) then runs on that single thread.
 * Under a burst the thread falls behind, replies that Redis answered at once wait in its
 * queue, and their command timeouts fire: healthy requests are answered 503. With replies
 * published on the computation threads, the I/O thread only reads replies and the work
 * spreads over every core.
 *
 * @author BFF template
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ ClientOptions.class, LettuceClientOptionsBuilderCustomizer.class })
public final class RedisRepliesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "redisRepliesOffTheIoThread")
	LettuceClientOptionsBuilderCustomizer redisRepliesOffTheIoThread() {
		return (options) -> options.publishOnScheduler(true);
	}

}
