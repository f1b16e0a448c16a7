package dev.bfftemplate.starter.tokenhandler.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import reactor.core.publisher.Mono;

/**
 * Writes a session to the store only when the request changed it. Spring Session sets the
 * last-access time on every request, so every request would write its session back (in
 * Redis: {@code EXISTS}, {@code HSET}, {@code EXPIRE}) on response commit: that is a
 * store round trip per request under load, and while the store is down it turned a
 * completed command (an order placed) into a 503 that a client would retry.
 * <p>
 * Here the last-access time is only moved forward once it is {@code touchInterval} old,
 * so a session idle for the idle timeout ends between {@code timeout - touchInterval} and
 * {@code timeout} after its last request. A save that only touches the last-access time
 * and fails is logged and dropped: the request's answer stands. A save of a changed
 * session (login, token refresh, logout) still fails the request, and fails it once: a
 * later save of the same session in the same request is skipped so that the error answer
 * can be written.
 */
class WriteOnChangeSessionRepository
		implements ReactiveSessionRepository<WriteOnChangeSessionRepository.TrackedSession> {

	private static final Log logger = LogFactory.getLog(WriteOnChangeSessionRepository.class);

	private final ReactiveSessionRepository<Session> delegate;

	private final Duration touchInterval;

	@SuppressWarnings("unchecked")
	WriteOnChangeSessionRepository(ReactiveSessionRepository<? extends Session> delegate, Duration touchInterval) {
		this.delegate = (ReactiveSessionRepository<Session>) delegate;
		this.touchInterval = touchInterval;
	}

	/**
	 * The store's own repository.
	 * @return the decorated repository
	 */
	ReactiveSessionRepository<?> delegate() {
		return this.delegate;
	}

	@Override
	public Mono<TrackedSession> createSession() {
		return this.delegate.createSession().map((session) -> new TrackedSession(session, true));
	}

	@Override
	public Mono<TrackedSession> findById(String id) {
		return this.delegate.findById(id).map((session) -> new TrackedSession(session, false));
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.delegate.deleteById(id);
	}

	@Override
	public Mono<Void> save(TrackedSession session) {
		return Mono.defer(() -> {
			if (session.saveFailed) {
				return Mono.empty();
			}
			if (session.changed) {
				return this.delegate.save(session.delegate)
					.doOnSuccess((done) -> session.saved())
					.doOnError((ex) -> session.saveFailed = true);
			}
			if (session.touched) {
				return this.delegate.save(session.delegate)
					.doOnSuccess((done) -> session.saved())
					.onErrorResume((ex) -> {
						// Nothing but the last-access time was lost; expected while the
						// store is
						// down: one line, no stack trace.
						logger.warn("Could not store the last-access time of an unchanged session, answering anyway: "
								+ ex);
						session.saveFailed = true;
						return Mono.empty();
					});
			}
			return Mono.empty();
		});
	}

	/**
	 * A session of one request that knows whether the request changed it.
	 */
	final class TrackedSession implements Session {

		private final Session delegate;

		private volatile boolean changed;

		private volatile boolean touched;

		private volatile boolean saveFailed;

		private TrackedSession(Session delegate, boolean changed) {
			this.delegate = delegate;
			this.changed = changed;
		}

		private void saved() {
			this.changed = false;
			this.touched = false;
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			if (this.delegate.getAttribute(attributeName) != null) {
				this.changed = true;
				this.delegate.removeAttribute(attributeName);
			}
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			Duration sinceStored = Duration.between(this.delegate.getLastAccessedTime(), lastAccessedTime);
			if (sinceStored.compareTo(WriteOnChangeSessionRepository.this.touchInterval) >= 0) {
				this.touched = true;
				this.delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(this.delegate.getMaxInactiveInterval())) {
				this.changed = true;
				this.delegate.setMaxInactiveInterval(interval);
			}
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
