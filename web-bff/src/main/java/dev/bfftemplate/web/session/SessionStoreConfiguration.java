package dev.bfftemplate.web.session;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

/**
 * Where sessions live: in Redis, encrypted, when {@code spring.data.redis.*} is set (Boot
 * then configures Spring Session Data Redis and picks up the serializer below); in memory
 * otherwise, for a single instance such as the demo launcher.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebBffSessionProperties.class)
class SessionStoreConfiguration {

	private static final Log logger = LogFactory.getLog(SessionStoreConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator sessionIdGenerator() {
		return new RandomSessionIdGenerator();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisConfiguredCondition.class)
	static class RedisSessionStore {

		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer(WebBffSessionProperties properties) {
			String key = properties.encryptionKey();
			if (key == null || key.isBlank()) {
				throw new IllegalStateException(
						"web-bff.session.encryption-key is required when sessions are stored in Redis");
			}
			byte[] keyBytes = Base64.getDecoder().decode(key);
			if (keyBytes.length != 32) {
				throw new IllegalStateException("web-bff.session.encryption-key must be Base64 of 32 bytes (AES-256)");
			}
			logger.info("Sessions are stored in Redis, encrypted with AES-GCM");
			return new EncryptingRedisSerializer(new JdkSerializationRedisSerializer(getClass().getClassLoader()),
					new SecretKeySpec(keyBytes, "AES"));
		}

		@Bean
		@ConditionalOnMissingBean
		OidcSessionIndex oidcSessionIndex(ReactiveStringRedisTemplate redis, WebBffSessionProperties properties) {
			return new RedisOidcSessionIndex(redis, properties);
		}

		/**
		 * Spring Data Redis opens its shared connection on first use, synchronously: on
		 * an event loop that stalls every request the loop serves while it connects
		 * (spring-data-redis#2289), and with Redis unreachable every session access would
		 * try again. Sessions cannot work without Redis, so the connection is opened at
		 * start, and web-bff refuses to start when Redis cannot be reached. Once open,
		 * Lettuce reconnects it by itself.
		 * @return the post-processor that makes the connection factory connect at start
		 */
		@Bean
		static BeanPostProcessor redisConnectionAtStart() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					if (bean instanceof LettuceConnectionFactory factory) {
						factory.setEagerInitialization(true);
					}
					return bean;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoRedisConfiguredCondition.class)
	@EnableSpringWebSession
	static class InMemorySessionStore {

		@Bean
		ReactiveSessionRepository<?> reactiveSessionRepository(ServerProperties serverProperties,
				SessionIdGenerator sessionIdGenerator) {
			logger.warn("No spring.data.redis.* configured: sessions are kept in memory, "
					+ "are lost on restart and are not shared between instances");
			ReactiveMapSessionRepository repository = new ReactiveMapSessionRepository(new ConcurrentHashMap<>());
			Duration timeout = serverProperties.getReactive().getSession().getTimeout();
			repository.setDefaultMaxInactiveInterval(timeout);
			repository.setSessionIdGenerator(sessionIdGenerator);
			return repository;
		}

		@Bean
		@ConditionalOnMissingBean
		OidcSessionIndex oidcSessionIndex() {
			return new InMemoryOidcSessionIndex();
		}

	}

}
