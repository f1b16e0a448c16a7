package dev.bfftemplate.starter.tokenhandler.session;

import dev.bfftemplate.starter.redis.RedisStartupConnection;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import reactor.core.publisher.Mono;

/**
 * The Redis session store, reached only once {@link RedisStartupConnection} has opened
 * the shared connection. Before that, reading, saving or deleting a session fails at once
 * with a {@code RedisConnectionFailureException} (a 503 with {@code Retry-After}, see
 * SessionStoreOutageWebExceptionHandler): Spring Data Redis would otherwise open the
 * connection on the request's event loop, synchronously (spring-data-redis#2289).
 * Creating a session touches no store (it lives in memory until it is saved), so it is
 * not held back.
 */
final class ConnectedOnlySessionRepository implements ReactiveSessionRepository<Session> {

	private final ReactiveSessionRepository<Session> delegate;

	private final RedisStartupConnection connection;

	@SuppressWarnings("unchecked")
	ConnectedOnlySessionRepository(ReactiveSessionRepository<? extends Session> delegate,
			RedisStartupConnection connection) {
		this.delegate = (ReactiveSessionRepository<Session>) delegate;
		this.connection = connection;
	}

	/**
	 * The store's own repository.
	 * @return the decorated repository
	 */
	ReactiveSessionRepository<?> delegate() {
		return this.delegate;
	}

	@Override
	public Mono<Session> createSession() {
		return this.delegate.createSession();
	}

	@Override
	public Mono<Void> save(Session session) {
		return this.connection.ifConnected(() -> this.delegate.save(session));
	}

	@Override
	public Mono<Session> findById(String id) {
		return this.connection.ifConnected(() -> this.delegate.findById(id));
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.connection.ifConnected(() -> this.delegate.deleteById(id));
	}

}
