package dev.bfftemplate.starter.tokenhandler.session;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

import reactor.core.publisher.Mono;

/**
 * A stored session that this instance cannot decrypt (written with a key it does not
 * have: another deployment's, or one rotated out) is treated as no session: the request
 * is anonymous (401 for the API, login for pages) and the browser's cookie is cleared.
 * The stored session is left alone: an instance holding the key can still read it.
 */
class UnreadableSessionsAsMissing implements WebSessionStore {

	private static final Log logger = LogFactory.getLog(UnreadableSessionsAsMissing.class);

	private final WebSessionStore delegate;

	UnreadableSessionsAsMissing(WebSessionStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<WebSession> createWebSession() {
		return this.delegate.createWebSession();
	}

	@Override
	public Mono<WebSession> retrieveSession(String sessionId) {
		return this.delegate.retrieveSession(sessionId).onErrorResume(SerializationException.class, (ex) -> {
			logger.info("A session could not be decrypted with the configured keys; treated as signed out: "
					+ ex.getMessage());
			return Mono.empty();
		});
	}

	@Override
	public Mono<Void> removeSession(String sessionId) {
		return this.delegate.removeSession(sessionId);
	}

	@Override
	public Mono<WebSession> updateLastAccessTime(WebSession webSession) {
		return this.delegate.updateLastAccessTime(webSession);
	}

}
