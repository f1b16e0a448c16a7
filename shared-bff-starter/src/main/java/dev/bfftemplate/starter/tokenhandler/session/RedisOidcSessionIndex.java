package dev.bfftemplate.starter.tokenhandler.session;

import dev.bfftemplate.starter.redis.RedisStartupConnection;
import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link OidcSessionIndex} in Redis, shared by every instance. Each key expires with the
 * absolute session timeout, so the index never outlives the sessions it points to. Like
 * the session store, it is reached only once {@link RedisStartupConnection} has opened
 * the connection.
 */
class RedisOidcSessionIndex implements OidcSessionIndex {

	private final ReactiveStringRedisTemplate redis;

	private final RedisStartupConnection connection;

	private final TokenHandlerProperties.Session properties;

	RedisOidcSessionIndex(ReactiveStringRedisTemplate redis, RedisStartupConnection connection,
			TokenHandlerProperties.Session properties) {
		this.redis = redis;
		this.connection = connection;
		this.properties = properties;
	}

	@Override
	public Mono<Void> register(String subject, String providerSessionId, String sessionId) {
		Mono<Void> bySubject = add(subjectKey(subject), sessionId);
		return (providerSessionId != null) ? bySubject.then(add(providerSessionKey(providerSessionId), sessionId))
				: bySubject;
	}

	@Override
	public Flux<String> sessionIds(String subject, String providerSessionId) {
		String key = (providerSessionId != null) ? providerSessionKey(providerSessionId) : subjectKey(subject);
		return this.connection.ifConnected(() -> this.redis.opsForSet().members(key).collectList())
			.flatMapIterable((members) -> members);
	}

	@Override
	public Mono<Void> forget(String subject, String providerSessionId) {
		String key = (providerSessionId != null) ? providerSessionKey(providerSessionId) : subjectKey(subject);
		return this.connection.ifConnected(() -> this.redis.delete(key)).then();
	}

	private Mono<Void> add(String key, String sessionId) {
		return this.connection.ifConnected(() -> this.redis.opsForSet()
			.add(key, sessionId)
			.then(this.redis.expire(key, this.properties.absoluteTimeout()))
			.then());
	}

	private String subjectKey(String subject) {
		return this.properties.indexNamespace() + ":sub:" + subject;
	}

	private String providerSessionKey(String providerSessionId) {
		return this.properties.indexNamespace() + ":sid:" + providerSessionId;
	}

}
