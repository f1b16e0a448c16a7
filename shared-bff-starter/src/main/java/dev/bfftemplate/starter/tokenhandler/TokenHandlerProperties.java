package dev.bfftemplate.starter.tokenhandler;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The browser token handler: OIDC login whose tokens stay in the server-side session, the
 * CSRF header, token refresh and relay, logout. The session cookie and the idle timeout
 * are Boot's own {@code server.reactive.session.*} keys.
 *
 * @param enabled whether the token handler is on (when the OAuth2 client, Spring Session
 * and a client registration are there); {@code false} leaves security to the application
 * @param publicBaseUrl where browsers reach the web app (scheme, host, port, no path):
 * every absolute URL the token handler hands out (the return after login, the post-logout
 * redirect URI) is built from it, never from a request's {@code Host} or
 * {@code X-Forwarded-*} headers, which a client can forge
 * @param paths the token handler's own endpoints and the routes it protects
 * @param session the session that holds the tokens
 * @param tokens which client registration holds the user's tokens, and their refresh
 * @param csrf the custom header every call of the web app's script must carry
 */
@ConfigurationProperties("bff.token-handler")
@Validated
public record TokenHandlerProperties(@DefaultValue("true") boolean enabled, @NotNull URI publicBaseUrl,
		@Valid @DefaultValue Paths paths, @Valid @DefaultValue Session session, @Valid @DefaultValue Tokens tokens,
		@Valid @DefaultValue Csrf csrf) {

	/**
	 * The token handler's endpoints and the routes it protects.
	 *
	 * @param login {@code GET}: starts a login ({@code ?returnTo=/path})
	 * @param logout {@code POST}: revokes the refresh token and ends the session
	 * @param user {@code GET}: who is signed in, never a token
	 * @param backChannelLogout {@code POST}: OIDC back-channel logout from the provider
	 * @param loginFailure where the browser goes when a login failed
	 * @param postLogout the path the provider sends the browser back to after its logout
	 * @param api the calls of the web app's script: each needs the CSRF header, and gets
	 * a 401 problem rather than a login redirect when signed out (every other path is a
	 * page navigation, sent to login)
	 * @param tokenRelay the calls whose access token is made ready (refreshed if about to
	 * expire) before their handler runs, so a failed refresh is a 401
	 */
	public record Paths(@NotBlank @Pattern(regexp = "/.*") @DefaultValue("/bff/login") String login,
			@NotBlank @Pattern(regexp = "/.*") @DefaultValue("/bff/logout") String logout,
			@NotBlank @Pattern(regexp = "/.*") @DefaultValue("/bff/user") String user,
			@NotBlank @Pattern(regexp = "/.*") @DefaultValue("/bff/backchannel-logout") String backChannelLogout,
			@NotBlank @Pattern(regexp = "/.*") @DefaultValue("/?login-error") String loginFailure,
			@NotBlank @Pattern(regexp = "/.*") @DefaultValue("/") String postLogout, @NotEmpty @DefaultValue( {
					"/api/**", "/bff/**" }) List<String> api,
			@NotEmpty @DefaultValue("/api/**") List<String> tokenRelay){

	}

	/**
	 * How the session that holds the tokens behaves.
	 *
	 * @param absoluteTimeout how long a session may live at most, however active it is
	 * @param encryptionKey Base64 of a 256-bit AES key that encrypts every session
	 * attribute stored in Redis, so a Redis dump reveals no token; this or
	 * {@code encryptionKeys} is required when Redis is configured
	 * @param encryptionKeys several such keys, for rotation: the first encrypts, every
	 * one decrypts (set instead of {@code encryptionKey})
	 * @param indexNamespace prefix of the Redis keys that map OIDC {@code sid} and
	 * {@code sub} to sessions, for back-channel logout
	 * @param storeOutageRetryAfter the {@code Retry-After} of the 503 answered while the
	 * session store is unreachable
	 * @param storeReconnectMaxDelay the longest wait between two attempts to reconnect to
	 * the session store, so that sessions are served again soon after it is back
	 * @param touchInterval how old a session's stored last-access time must be before a
	 * request moves it forward (a write to the store); an idle session ends between
	 * {@code timeout - touchInterval} and {@code server.reactive.session.timeout} after
	 * its last request; must be shorter than that timeout; {@code 0s} writes every
	 * request's access time
	 */
	public record Session(@NotNull @DefaultValue("8h") Duration absoluteTimeout, String encryptionKey,
			List<String> encryptionKeys, @NotBlank @DefaultValue("bff:oidc-sessions") String indexNamespace,
			@NotNull @DefaultValue("2s") Duration storeOutageRetryAfter,
			@NotNull @DefaultValue("500ms") Duration storeReconnectMaxDelay,
			@NotNull @DefaultValue("1m") Duration touchInterval) {

		/**
		 * The session encryption keys, the one that encrypts first.
		 * @return {@code encryptionKeys}, or {@code encryptionKey} alone, or nothing when
		 * neither is set
		 * @throws IllegalStateException when both are set
		 */
		public List<String> keys() {
			boolean single = StringUtils.hasText(this.encryptionKey);
			boolean several = this.encryptionKeys != null && !this.encryptionKeys.isEmpty();
			if (single && several) {
				throw new IllegalStateException("Set bff.token-handler.session.encryption-key or "
						+ "bff.token-handler.session.encryption-keys, not both");
			}
			return several ? List.copyOf(this.encryptionKeys) : (single ? List.of(this.encryptionKey) : List.of());
		}

	}

	/**
	 * Which client registration holds the user's tokens, and when they are refreshed.
	 *
	 * @param registrationId the {@code spring.security.oauth2.client.registration.*} id
	 * used for login and token relay
	 * @param refreshBeforeExpiry how long before its expiry an access token is refreshed
	 * @param refreshLeaseTimeout how long one instance may hold a session's refresh
	 * (longer than the token endpoint's slowest answer); the others wait for its result
	 * that long at most, then refresh themselves (the holder died)
	 * @param refreshPollInterval how often an instance waiting for another's refresh
	 * reads the session store
	 * @param refreshLeaseKeyPrefix prefix of the Redis keys of refresh leases (the rest
	 * is the session id)
	 */
	public record Tokens(@NotBlank String registrationId, @NotNull @DefaultValue("60s") Duration refreshBeforeExpiry,
			@NotNull @DefaultValue("10s") Duration refreshLeaseTimeout,
			@NotNull @DefaultValue("50ms") Duration refreshPollInterval,
			@NotBlank @DefaultValue("bff:token-refresh:") String refreshLeaseKeyPrefix) {

	}

	/**
	 * The custom header that every call of the web app's script must carry.
	 *
	 * @param headerName the header's name
	 * @param headerValue the value it must have
	 */
	public record Csrf(@NotBlank @DefaultValue("X-CSRF") String headerName,
			@NotBlank @DefaultValue("1") String headerValue) {

	}

}
