package dev.bfftemplate.web.session;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How the browser session that holds the tokens behaves. The idle timeout and the cookie
 * come from Boot's own {@code server.reactive.session.*} keys.
 *
 * @param absoluteTimeout how long a session may live at most, however active it is
 * @param encryptionKey Base64 of a 256-bit AES key that encrypts every session attribute
 * stored in Redis, so a Redis dump reveals no token; this or {@code encryptionKeys} is
 * required when Redis is configured
 * @param encryptionKeys several such keys, for rotation: the first encrypts, every one
 * decrypts (set instead of {@code encryptionKey})
 * @param indexNamespace prefix of the Redis keys that map OIDC {@code sid} and
 * {@code sub} to sessions, for back-channel logout
 * @param storeOutageRetryAfter the {@code Retry-After} of the 503 answered while the
 * session store is unreachable
 * @param storeReconnectMaxDelay the longest wait between two attempts to reconnect to the
 * session store, so that web-bff serves sessions again soon after it is back
 * @param touchInterval how old a session's stored last-access time must be before a
 * request moves it forward (a write to the store); a request that changes nothing else
 * writes nothing sooner, so an idle session ends between {@code timeout - touchInterval}
 * and {@code server.reactive.session.timeout} after its last request; must be shorter
 * than that timeout; {@code 0s} writes every request's access time
 */
@ConfigurationProperties("web-bff.session")
@Validated
public record WebBffSessionProperties(@NotNull @DefaultValue("8h") Duration absoluteTimeout, String encryptionKey,
		List<String> encryptionKeys, @DefaultValue("web-bff:oidc-sessions") String indexNamespace,
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
			throw new IllegalStateException(
					"Set web-bff.session.encryption-key or web-bff.session.encryption-keys, not both");
		}
		return several ? List.copyOf(this.encryptionKeys) : (single ? List.of(this.encryptionKey) : List.of());
	}

}
