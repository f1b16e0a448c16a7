package dev.bfftemplate.starter.tokenhandler.token;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.session.ReactiveSessionRepository;

import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The signed-in user's current access token, taken from their session and refreshed
 * shortly before it expires. Concurrent requests of one session that all find the token
 * expiring share a single refresh, across instances too (a {@link RefreshLease} per
 * session: one instance refreshes, the others read its result from the session store).
 * When the refresh fails the session ends and the request gets a 401, which a single-page
 * app can act on.
 */
public class SessionAccessTokens {

	// One request resolves its token once, however many downstream calls it makes.
	private static final String RESOLVED_TOKEN_ATTRIBUTE = SessionAccessTokens.class.getName() + ".token";

	private static final Log logger = LogFactory.getLog(SessionAccessTokens.class);

	private final ReactiveOAuth2AuthorizedClientManager clientManager;

	private final ServerOAuth2AuthorizedClientRepository clientRepository;

	private final ReactiveClientRegistrationRepository registrations;

	private final ReactiveSessionRepository<?> sessionStore;

	private final RefreshLease lease;

	private final TokenHandlerProperties.Tokens properties;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Mono<OAuth2AuthorizedClient>> refreshesInFlight = new ConcurrentHashMap<>();

	SessionAccessTokens(ReactiveOAuth2AuthorizedClientManager clientManager,
			ServerOAuth2AuthorizedClientRepository clientRepository, ReactiveClientRegistrationRepository registrations,
			ReactiveSessionRepository<?> sessionStore, ObjectProvider<RefreshLease> lease,
			TokenHandlerProperties.Tokens properties) {
		this.clientManager = clientManager;
		this.clientRepository = clientRepository;
		this.registrations = registrations;
		this.sessionStore = sessionStore;
		// Without a shared session store there is one instance: its single flight
		// suffices.
		this.lease = lease.getIfAvailable(() -> new RefreshLease() {

			@Override
			public Mono<Boolean> acquire(String sessionId) {
				return Mono.just(true);
			}

			@Override
			public Mono<Void> release(String sessionId) {
				return Mono.empty();
			}

		});
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
		return this.clientRepository
			.<OAuth2AuthorizedClient>loadAuthorizedClient(this.properties.registrationId(), principal, exchange)
			.flatMap((
					current) -> needsRefresh(current.getAccessToken().getExpiresAt(), current.getRefreshToken() != null)
							? refreshOnce(principal, session, exchange) : Mono.just(current))
			// No tokens in the session: the client manager says so (an error that ends
			// it).
			.switchIfEmpty(Mono.defer(() -> refreshOnce(principal, session, exchange)))
			.onErrorResume(ClientAuthorizationException.class, (ex) -> endSession(session, ex));
	}

	private boolean needsRefresh(Instant expiresAt, boolean refreshable) {
		return refreshable && expiresAt != null
				&& this.clock.instant().isAfter(expiresAt.minus(this.properties.refreshBeforeExpiry()));
	}

	private Mono<OAuth2AuthorizedClient> refreshOnce(Authentication principal, WebSession session,
			ServerWebExchange exchange) {
		String sessionId = session.getId();
		// The first request of this instance to find the token expiring refreshes it (if
		// it
		// gets the session's lease, else it waits for the instance that has it); the
		// others
		// in this instance wait for that instead of spending the refresh token again.
		Mono<OAuth2AuthorizedClient> shared = this.refreshesInFlight.computeIfAbsent(sessionId,
				(id) -> this.lease.acquire(id)
					.flatMap((leased) -> leased ? refreshAndStore(principal, exchange, id)
							: refreshedElsewhere(principal, exchange, id))
					.doFinally((signal) -> this.refreshesInFlight.remove(id))
					.cache());
		return shared.flatMap(
				(client) -> this.clientRepository.saveAuthorizedClient(client, principal, exchange).thenReturn(client));
	}

	/**
	 * Refreshes and stores the session at once, before the lease is released: another
	 * instance that takes the lease next reads the new tokens, not the spent ones.
	 */
	private Mono<OAuth2AuthorizedClient> refreshAndStore(Authentication principal, ServerWebExchange exchange,
			String sessionId) {
		return refresh(principal, exchange)
			.flatMap((client) -> exchange.getSession().flatMap(WebSession::save).thenReturn(client))
			.flatMap((client) -> this.lease.release(sessionId).thenReturn(client))
			.onErrorResume((ex) -> this.lease.release(sessionId).then(Mono.error(ex)));
	}

	/**
	 * Another instance holds the session's lease: reads the session store until its
	 * refreshed tokens are there (the session id does not change on a refresh). A session
	 * gone from the store was ended by a failed refresh. If the holder died, its lease
	 * expires and this instance refreshes itself.
	 */
	private Mono<OAuth2AuthorizedClient> refreshedElsewhere(Authentication principal, ServerWebExchange exchange,
			String sessionId) {
		String attribute = SessionAuthorizedClientRepository.attributeName(this.properties.registrationId());
		return Mono.defer(() -> this.sessionStore.findById(sessionId))
			.switchIfEmpty(
					Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The session has ended")))
			.flatMap((stored) -> {
				StoredAuthorizedClient client = stored.getAttribute(attribute);
				return (client != null && !needsRefresh(client.accessTokenExpiresAt(), client.refreshToken() != null))
						? Mono.just(client) : Mono.error(new NotRefreshedYet());
			})
			.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.properties.refreshPollInterval())
				.filter(NotRefreshedYet.class::isInstance))
			.timeout(this.properties.refreshLeaseTimeout())
			.flatMap((stored) -> this.registrations.findByRegistrationId(this.properties.registrationId())
				.map(stored::toAuthorizedClient))
			.onErrorResume(TimeoutException.class, (ex) -> {
				logger.warn("No refreshed token from the instance holding the refresh lease of a session within "
						+ this.properties.refreshLeaseTimeout() + ": refreshing here");
				return refreshAndStore(principal, exchange, sessionId);
			});
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

	/** The session store still holds the tokens being refreshed by another instance. */
	private static final class NotRefreshedYet extends RuntimeException {

		private NotRefreshedYet() {
			super(null, null, false, false);
		}

	}

}
