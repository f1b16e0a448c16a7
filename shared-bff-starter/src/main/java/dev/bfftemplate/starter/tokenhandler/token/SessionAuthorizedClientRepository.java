package dev.bfftemplate.starter.tokenhandler.token;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Keeps the user's tokens in their session (so every instance that shares the session
 * store sees them, unlike Spring Security's default in-memory service) without the client
 * secret: only a {@link StoredAuthorizedClient} goes into the session.
 */
public class SessionAuthorizedClientRepository implements ServerOAuth2AuthorizedClientRepository {

	private static final String ATTRIBUTE_PREFIX = SessionAuthorizedClientRepository.class.getName() + ".";

	private final ReactiveClientRegistrationRepository registrations;

	public SessionAuthorizedClientRepository(ReactiveClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, ServerWebExchange exchange) {
		return exchange.getSession()
			.mapNotNull((session) -> session.<StoredAuthorizedClient>getAttribute(attributeName(clientRegistrationId)))
			.zipWith(this.registrations.findByRegistrationId(clientRegistrationId))
			.map((stored) -> (T) stored.getT1().toAuthorizedClient(stored.getT2()));
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
			ServerWebExchange exchange) {
		String name = attributeName(authorizedClient.getClientRegistration().getRegistrationId());
		StoredAuthorizedClient stored = StoredAuthorizedClient.from(authorizedClient);
		// Putting the same tokens again would make the session changed, and changed
		// sessions are written to the store at the end of the request.
		return exchange.getSession()
			.filter((session) -> !stored.equals(session.getAttribute(name)))
			.doOnNext((session) -> session.getAttributes().put(name, stored))
			.then();
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			ServerWebExchange exchange) {
		return exchange.getSession()
			.doOnNext((session) -> session.getAttributes().remove(attributeName(clientRegistrationId)))
			.then();
	}

	static String attributeName(String clientRegistrationId) {
		return ATTRIBUTE_PREFIX + clientRegistrationId;
	}

}
