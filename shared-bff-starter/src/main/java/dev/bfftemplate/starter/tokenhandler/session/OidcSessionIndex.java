package dev.bfftemplate.starter.tokenhandler.session;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Remembers which BFF sessions belong to which OIDC provider session ({@code sid}) and
 * subject ({@code sub}), so a back-channel logout can end them on every instance.
 */
public interface OidcSessionIndex {

	/**
	 * Records a signed-in session.
	 * @param subject the user's {@code sub}
	 * @param providerSessionId the provider's {@code sid}, or {@code null}
	 * @param sessionId the BFF session id
	 * @return completion
	 */
	Mono<Void> register(String subject, String providerSessionId, String sessionId);

	/**
	 * The sessions of a provider session, or of every session of a subject when
	 * {@code providerSessionId} is {@code null}.
	 * @param subject the {@code sub}, or {@code null}
	 * @param providerSessionId the {@code sid}, or {@code null}
	 * @return the BFF session ids
	 */
	Flux<String> sessionIds(String subject, String providerSessionId);

	/**
	 * Forgets the given keys once their sessions have ended.
	 * @param subject the {@code sub}, or {@code null}
	 * @param providerSessionId the {@code sid}, or {@code null}
	 * @return completion
	 */
	Mono<Void> forget(String subject, String providerSessionId);

}
