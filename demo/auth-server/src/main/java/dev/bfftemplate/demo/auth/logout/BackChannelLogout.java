package dev.bfftemplate.demo.auth.logout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * The OP side of OpenID Connect Back-Channel Logout 1.0: when a user's session here ends
 * (RP-initiated logout at the end-session endpoint, the login form's logout, the session
 * expiring), every client that received an ID token in that session and registered a
 * back-channel logout URI is sent a logout token (section 2.4), signed with the key that
 * signs the ID tokens, {@code typ: logout+jwt}, naming the same {@code sub} and
 * {@code sid} as the ID token.
 * <p>
 * Delivery never holds up or fails the user's logout: the token is signed and POSTed on
 * this component's own threads, each attempt bounded by {@code timeout}, tried
 * {@code attempts} times with a doubling back-off (on a connection failure, a timeout or
 * a 5xx; a 4xx is the client refusing the token and is not retried), and a delivery that
 * fails is one log line.
 */
public final class BackChannelLogout implements DisposableBean {

	/** The event a logout token carries (section 2.4). */
	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	/** The {@code typ} header of a logout token (section 2.4, RFC 8725 section 3.11). */
	static final String TYPE = "logout+jwt";

	private static final Log logger = LogFactory.getLog(BackChannelLogout.class);

	private final IdTokenSessions sessions;

	private final JwtEncoder encoder;

	private final BackChannelLogoutProperties properties;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "back-channel-logout");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http;

	BackChannelLogout(IdTokenSessions sessions, JwtEncoder encoder, BackChannelLogoutProperties properties) {
		this.sessions = sessions;
		this.encoder = encoder;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(this.executor)
			.build();
	}

	/**
	 * A session of this server ended (Spring Security's {@code HttpSessionEventPublisher}
	 * reports invalidation and expiry alike): its clients are told.
	 * @param event the session that ended
	 */
	@EventListener
	public void sessionEnded(SessionDestroyedEvent event) {
		Set<IdTokenSessions.Recipient> recipients = this.sessions.ended(event.getId());
		for (IdTokenSessions.Recipient recipient : recipients) {
			BackChannelLogoutProperties.Client client = this.properties.clients().get(recipient.clientId());
			if (client != null) {
				deliver(recipient, client.uri());
			}
		}
	}

	/**
	 * A session's id changed: its ID tokens still name the {@code sid} they were issued
	 * with.
	 * @param event the change
	 */
	@EventListener
	public void sessionIdChanged(SessionIdChangedEvent event) {
		this.sessions.sessionIdChanged(event.getOldSessionId(), event.getNewSessionId());
	}

	private void deliver(IdTokenSessions.Recipient recipient, URI uri) {
		CompletableFuture.supplyAsync(() -> logoutToken(recipient), this.executor)
			.thenCompose((token) -> post(uri, token, 1))
			.whenComplete((status, failure) -> {
				if (failure != null) {
					Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
					logger.warn("Back-channel logout of client " + recipient.clientId() + " at " + uri + " failed: "
							+ cause);
				}
				else if (status >= 300) {
					logger.warn("Back-channel logout of client " + recipient.clientId() + " at " + uri
							+ " failed: HTTP " + status);
				}
				else {
					logger.debug("Back-channel logout of client " + recipient.clientId() + " delivered");
				}
			});
	}

	private CompletableFuture<Integer> post(URI uri, String token, int attempt) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
			.POST(HttpRequest.BodyPublishers
				.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII)))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
			boolean retry = (failure != null) ? isTransient(failure) : response.statusCode() >= 500;
			if (!retry || attempt >= this.properties.attempts()) {
				if (failure != null) {
					throw (failure instanceof CompletionException completion) ? completion
							: new CompletionException(failure);
				}
				return CompletableFuture.completedFuture(response.statusCode());
			}
			Duration backoff = this.properties.retryBackoff().multipliedBy(1L << (attempt - 1));
			return CompletableFuture
				.supplyAsync(() -> null,
						CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS, this.executor))
				.thenCompose((ignored) -> post(uri, token, attempt + 1));
		}).thenCompose((next) -> next);
	}

	private static boolean isTransient(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
		return cause instanceof IOException;
	}

	/**
	 * Signs the logout token of section 2.4: {@code iss}, {@code aud}, {@code iat},
	 * {@code exp}, {@code jti}, {@code sub}, {@code sid}, the back-channel logout event,
	 * and never a {@code nonce}.
	 * @param recipient the client, user and session
	 * @return the compact JWS
	 */
	String logoutToken(IdTokenSessions.Recipient recipient) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(recipient.issuer())
			.audience(List.of(recipient.clientId()))
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.tokenTimeToLive()))
			.id(UUID.randomUUID().toString())
			.subject(recipient.subject())
			.claim("sid", recipient.sid())
			.claim("events", Map.of(EVENT, Map.of()))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type(TYPE).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
