package dev.bfftemplate.partner.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties.ApiKey;
import dev.bfftemplate.partner.store.PartnerStore;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

import reactor.core.publisher.Mono;

/**
 * Authenticates an API key against the configured SHA-256 digests, in constant time
 * (every digest is compared, whatever matched), then checks in Redis that the key was not
 * revoked. The key never leaves this class: messages name neither it nor its digest.
 */
class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private final List<StoredKey> keys;

	private final PartnerStore store;

	ApiKeyAuthenticationManager(PartnerIdentityProperties properties, PartnerStore store) {
		this.keys = properties.apiKeys().entrySet().stream().map(StoredKey::of).toList();
		this.store = store;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		StoredKey key = find((String) authentication.getCredentials());
		if (key == null) {
			return Mono.error(new BadCredentialsException("Unknown API key"));
		}
		return this.store.isRevoked(key.name())
			.onErrorMap((ex) -> new AuthenticationServiceException("Revocations unavailable", ex))
			.flatMap((revoked) -> revoked ? Mono.error(new BadCredentialsException("Revoked API key"))
					: Mono.just(new PartnerAuthentication(key.partner())));
	}

	private @Nullable StoredKey find(String presented) {
		byte[] digest = sha256(presented);
		StoredKey found = null;
		for (StoredKey key : this.keys) {
			if (MessageDigest.isEqual(digest, key.digest())) {
				found = key;
			}
		}
		return found;
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private record StoredKey(String name, byte[] digest, Partner partner) {

		static StoredKey of(Map.Entry<String, ApiKey> entry) {
			ApiKey key = entry.getValue();
			return new StoredKey(entry.getKey(), HexFormat.of().parseHex(key.sha256()),
					new Partner(key.partnerId(), key.plan()));
		}

	}

}
