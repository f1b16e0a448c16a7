package dev.bfftemplate.starter.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.test.redis.WithRealRedis;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request does after a Redis reply runs on Lettuce's computation threads, not on
 * the shared connection's single I/O thread; an application can take the choice back.
 */
@WithRealRedis
class RedisRepliesAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisRepliesAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class));

	@Test
	void repliesArriveOnComputationThreads(RedisEndpoint redis) {
		this.runner.withPropertyValues(redisProperties(redis))
			.run((context) -> assertThat(threadOfReply(context.getBean(ReactiveStringRedisTemplate.class)))
				.startsWith("lettuce-eventExecutorLoop"));
	}

	@Test
	void withoutItRepliesArriveOnTheIoThread(RedisEndpoint redis) {
		// why the auto-configuration exists: Lettuce's default
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues(redisProperties(redis))
			.run((context) -> assertThat(threadOfReply(context.getBean(ReactiveStringRedisTemplate.class)))
				.matches("lettuce-(epoll|nio|kqueue|ioUring)EventLoop.*"));
	}

	@Test
	void backsOffFromTheApplicationsChoice(RedisEndpoint redis) {
		this.runner.withPropertyValues(redisProperties(redis))
			.withUserConfiguration(RepliesOnTheIoThread.class)
			.run((context) -> assertThat(threadOfReply(context.getBean(ReactiveStringRedisTemplate.class)))
				.matches("lettuce-(epoll|nio|kqueue|ioUring)EventLoop.*"));
	}

	private static String[] redisProperties(RedisEndpoint redis) {
		return new String[] { "spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port() };
	}

	private static String threadOfReply(ReactiveStringRedisTemplate redis) {
		return redis.opsForValue()
			.set("replies-test", "1")
			.then(redis.opsForValue().get("replies-test"))
			.map((value) -> Thread.currentThread().getName())
			.switchIfEmpty(Mono.error(new IllegalStateException("no reply")))
			.block(WAIT);
	}

	@Configuration(proxyBeanMethods = false)
	static class RepliesOnTheIoThread {

		@Bean
		LettuceClientOptionsBuilderCustomizer redisRepliesOffTheIoThread() {
			return (options) -> options.publishOnScheduler(false);
		}

	}

}
