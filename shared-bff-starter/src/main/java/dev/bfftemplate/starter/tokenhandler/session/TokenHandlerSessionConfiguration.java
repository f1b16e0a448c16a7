package dev.bfftemplate.starter.tokenhandler.session;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import dev.bfftemplate.starter.redis.RedisStartupConnection;
import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.web.server.session.DefaultWebSessionManager;

/**
 * The token handler's sessions. Where they live: in Redis, encrypted, when
 * {@code spring.data.redis.*} is set (Boot then configures Spring Session Data Redis and
 * picks up the serializer below); in memory otherwise, for a single instance such as the
 * demo launcher. Imported by the token handler's auto-configuration, whose conditions
 * apply.
 */
@Configuration(proxyBeanMethods = false)
public final class TokenHandlerSessionConfiguration {

	private static final Log logger = LogFactory.getLog(TokenHandlerSessionConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	AbsoluteSessionTimeoutWebFilter absoluteSessionTimeoutWebFilter(TokenHandlerProperties properties) {
		return new AbsoluteSessionTimeoutWebFilter(properties.session());
	}

	@Bean
	@ConditionalOnMissingBean
	SessionIdGenerator sessionIdGenerator() {
		return new RandomSessionIdGenerator();
	}

	/**
	 * Sessions are written only when a request changed them, and their last-access time
	 * only every {@code bff.token-handler.session.touch-interval} (see
	 * WriteOnChangeSessionRepository), whichever store holds them.
	 * @param properties the session properties, resolved when the repository is created
	 * @param server the server properties (the idle timeout)
	 * @return the post-processor that decorates the session repository
	 */
	@Bean
	@ConditionalOnMissingBean(name = "writeSessionsOnChange")
	static BeanPostProcessor writeSessionsOnChange(ObjectProvider<TokenHandlerProperties> properties,
			ObjectProvider<ServerProperties> server) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ReactiveSessionRepository<?> repository
						&& !(bean instanceof WriteOnChangeSessionRepository)) {
					Duration touchInterval = properties.getObject().session().touchInterval();
					Duration idleTimeout = server.getObject().getReactive().getSession().getTimeout();
					if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
						throw new IllegalStateException("bff.token-handler.session.touch-interval (" + touchInterval
								+ ") must be at least 0 and shorter than server.reactive.session.timeout ("
								+ idleTimeout + ")");
					}
					return new WriteOnChangeSessionRepository(repository, touchInterval);
				}
				return bean;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.session.data.redis.ReactiveRedisSessionRepository",
			"io.lettuce.core.RedisClient" })
	@Conditional(RedisConfiguredCondition.class)
	static class RedisSessionStore {

		@Bean
		@ConditionalOnMissingBean
		SessionStoreOutageWebExceptionHandler sessionStoreOutageWebExceptionHandler(ProblemResponses problems,
				TokenHandlerProperties properties) {
			return new SessionStoreOutageWebExceptionHandler(problems, properties.session());
		}

		@Bean
		@ConditionalOnMissingBean(name = "springSessionDefaultRedisSerializer")
		RedisSerializer<Object> springSessionDefaultRedisSerializer(TokenHandlerProperties properties) {
			List<String> keys = properties.session().keys();
			if (keys.isEmpty()) {
				throw new IllegalStateException(
						"bff.token-handler.session.encryption-key (or encryption-keys) is required "
								+ "when sessions are stored in Redis");
			}
			List<SecretKey> secretKeys = keys.stream().map(TokenHandlerSessionConfiguration::aesKey).toList();
			logger.info("Sessions are stored in Redis, encrypted with AES-GCM (" + secretKeys.size()
					+ " key(s) decrypt, the first encrypts)");
			return new EncryptingRedisSerializer(new JdkSerializationRedisSerializer(getClass().getClassLoader()),
					secretKeys);
		}

		/**
		 * A session this instance cannot decrypt is no session, rather than a 500 on
		 * every request (see UnreadableSessionsAsMissing).
		 * @return the post-processor that decorates the session store
		 */
		@Bean
		@ConditionalOnMissingBean(name = "unreadableSessionsAsMissing")
		static BeanPostProcessor unreadableSessionsAsMissing() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DefaultWebSessionManager manager) {
						manager.setSessionStore(new UnreadableSessionsAsMissing(manager.getSessionStore()));
					}
					return bean;
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean
		OidcSessionIndex oidcSessionIndex(ReactiveStringRedisTemplate redis, RedisStartupConnection connection,
				TokenHandlerProperties properties) {
			return new RedisOidcSessionIndex(redis, connection, properties.session());
		}

		/**
		 * While the connection is down, a command fails at once (a 503 for the request,
		 * see SessionStoreOutageWebExceptionHandler) instead of waiting in Lettuce's
		 * queue until {@code spring.data.redis.timeout}.
		 * @return the customizer
		 */
		@Bean
		@ConditionalOnMissingBean(name = "sessionStoreRejectsCommandsWhileDisconnected")
		LettuceClientOptionsBuilderCustomizer sessionStoreRejectsCommandsWhileDisconnected() {
			return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		}

		/**
		 * Lettuce's reconnect back-off grows to 30 s, so sessions could stay unavailable
		 * that long after Redis is back; capped, sessions recover within
		 * {@code bff.token-handler.session.store-reconnect-max-delay} of Redis answering.
		 * @param properties the session properties
		 * @return the customizer
		 */
		@Bean
		@ConditionalOnMissingBean(name = "sessionStoreReconnectsSoon")
		ClientResourcesBuilderCustomizer sessionStoreReconnectsSoon(TokenHandlerProperties properties) {
			return (resources) -> resources.reconnectDelay(Delay.exponential(Duration.ZERO,
					properties.session().storeReconnectMaxDelay(), 2, TimeUnit.MILLISECONDS));
		}

		/**
		 * Spring Data Redis opens its shared connection on first use, synchronously: on
		 * an event loop that stalls every request the loop serves while it connects
		 * (spring-data-redis#2289). The starter's {@link RedisStartupConnection} opens it
		 * at start instead, off the event loops, retrying until Redis answers (readiness
		 * stays down meanwhile); until then the session store is not reached at all: a
		 * request that needs its session gets the store-outage 503 at once. Ordered, so
		 * that it decorates Spring Session's repository before
		 * {@code writeSessionsOnChange} does.
		 * @param connection the connection opened at start
		 * @return the post-processor that decorates Spring Session's Redis repository
		 */
		@Bean
		@ConditionalOnMissingBean(name = "sessionStoreOnceConnected")
		static SessionStoreOnceConnected sessionStoreOnceConnected(ObjectProvider<RedisStartupConnection> connection) {
			return new SessionStoreOnceConnected(connection);
		}

		/**
		 * Decorates Spring Session's Redis repository with
		 * {@link ConnectedOnlySessionRepository}. Its bean method declares this type:
		 * Spring orders post-processors by the type their definition declares, and this
		 * one must run before the unordered ones.
		 */
		static final class SessionStoreOnceConnected implements BeanPostProcessor, Ordered {

			private final ObjectProvider<RedisStartupConnection> connection;

			private SessionStoreOnceConnected(ObjectProvider<RedisStartupConnection> connection) {
				this.connection = connection;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ReactiveRedisSessionRepository repository) {
					return new ConnectedOnlySessionRepository(repository, this.connection.getObject());
				}
				return bean;
			}

			@Override
			public int getOrder() {
				return Ordered.LOWEST_PRECEDENCE;
			}

		}

	}

	private static SecretKey aesKey(String base64) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException(
					"Each bff.token-handler.session encryption key must be Base64 of 32 bytes (AES-256)");
		}
		return new SecretKeySpec(key, "AES");
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoRedisConfiguredCondition.class)
	@EnableSpringWebSession
	static class InMemorySessionStore {

		@Bean
		@ConditionalOnMissingBean
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
