package dev.bfftemplate.web.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * The signed-in user's current access token, taken from their session and refreshed
 * shortly before it expires. Concurrent requests of one session that all find the token
 * expiring share a single refresh. When the refresh fails the session ends and the
 * request gets a 401, which a single-page app can act on.
 */
@Component
public class SessionAccessTokens {

	// One request resolves its token once, however many downstream calls it makes.
	private static final String RESOLVED_TOKEN_ATTRIBUTE = SessionAccessTokens.class.getName() + ".token";

	private static final Log logger = LogFactory.getLog(SessionAccessTokens.class);

	private final ReactiveOAuth2AuthorizedClientManager clientManager;

	private final ServerOAuth2AuthorizedClientRepository clientRepository;

	private final TokenProperties properties;

	private final Map<String, Mono<OAuth2AuthorizedClient>> refreshesInFlight = new ConcurrentHashMap<>();

	SessionAccessTokens(ReactiveOAuth2AuthorizedClientManager clientManager,
			ServerOAuth2AuthorizedClientRepository clientRepository, TokenProperties properties) {
		this.clientManager = clientManager;
		this.clientRepository = clientRepository;
		this.properties = properties;
	}

	/**
	 * The access token to relay downstream for this exchange's user.
	 * @param exchange the current exchange
	 * @return the token value, or an error with status 401 when there is none
	 */
	public Mono<String> accessToken(ServerWebExchange exchange) {
		String resolved = exchange.getAttribute(RESOLVED_TOKEN_ATTRIBUTE);
		if (resolved != null) {
			return Mono.just(resolved);
		}
		return exchange.getPrincipal()
			.cast(Authentication.class)
			.zipWith(exchange.getSession())
			.flatMap((signedIn) -> authorize(signedIn.getT1(), signedIn.getT2(), exchange))
			.map((client) -> client.getAccessToken().getTokenValue())
			.doOnNext((token) -> exchange.getAttributes().put(RESOLVED_TOKEN_ATTRIBUTE, token))
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")));
	}

	private Mono<OAuth2AuthorizedClient> authorize(Authentication principal, WebSession session,
			ServerWebExchange exchange) {
		String sessionId = session.getId();
		// The first request to find the token expiring refreshes it; the others in this
		// instance wait for that refresh instead of spending the refresh token again.
		Mono<OAuth2AuthorizedClient> shared = this.refreshesInFlight.computeIfAbsent(sessionId,
				(id) -> refresh(principal, exchange).doFinally((signal) -> this.refreshesInFlight.remove(id)).cache());
		return shared.flatMap(
				(client) -> this.clientRepository.saveAuthorizedClient(client, principal, exchange).thenReturn(client))
			.onErrorResume(ClientAuthorizationException.class, (ex) -> endSession(session, ex));
	}

	private Mono<OAuth2AuthorizedClient> refresh(Authentication principal, ServerWebExchange exchange) {
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
			.withClientRegistrationId(this.properties.registrationId())
			.principal(principal)
			.attribute(ServerWebExchange.class.getName(), exchange)
			.build();
		return this.clientManager.authorize(request);
	}

	private Mono<OAuth2AuthorizedClient> endSession(WebSession session, ClientAuthorizationException ex) {
		logger.info("Refreshing the access token failed (" + ex.getError().getErrorCode() + "): ending the session");
		return session.invalidate()
			.then(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The session has ended")));
	}

}
