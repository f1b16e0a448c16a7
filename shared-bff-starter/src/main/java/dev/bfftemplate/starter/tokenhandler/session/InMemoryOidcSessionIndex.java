package dev.bfftemplate.starter.tokenhandler.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link OidcSessionIndex} of a single instance without Redis.
 */
class InMemoryOidcSessionIndex implements OidcSessionIndex {

	private final Map<String, Set<String>> bySubject = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> byProviderSession = new ConcurrentHashMap<>();

	@Override
	public Mono<Void> register(String subject, String providerSessionId, String sessionId) {
		return Mono.fromRunnable(() -> {
			this.bySubject.computeIfAbsent(subject, (key) -> ConcurrentHashMap.newKeySet()).add(sessionId);
			if (providerSessionId != null) {
				this.byProviderSession.computeIfAbsent(providerSessionId, (key) -> ConcurrentHashMap.newKeySet())
					.add(sessionId);
			}
		});
	}

	@Override
	public Flux<String> sessionIds(String subject, String providerSessionId) {
		Set<String> ids = (providerSessionId != null) ? this.byProviderSession.get(providerSessionId)
				: this.bySubject.get(subject);
		return (ids != null) ? Flux.fromIterable(Set.copyOf(ids)) : Flux.empty();
	}

	@Override
	public Mono<Void> forget(String subject, String providerSessionId) {
		return Mono.fromRunnable(() -> {
			if (providerSessionId != null) {
				this.byProviderSession.remove(providerSessionId);
			}
			else if (subject != null) {
				this.bySubject.remove(subject);
			}
		});
	}

}
