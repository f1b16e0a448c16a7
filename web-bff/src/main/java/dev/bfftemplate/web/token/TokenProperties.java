package dev.bfftemplate.web.token;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which client registration holds the user's tokens, and when they are refreshed.
 *
 * @param registrationId the {@code spring.security.oauth2.client.registration.*} id used
 * for login and token relay
 * @param refreshBeforeExpiry how long before its expiry an access token is refreshed
 * @param refreshLeaseTimeout how long one instance may hold a session's refresh (longer
 * than the token endpoint's slowest answer); the others wait for its result that long at
 * most, then refresh themselves (the holder died)
 * @param refreshPollInterval how often an instance waiting for another's refresh reads
 * the session store
 * @param refreshLeaseKeyPrefix prefix of the Redis keys of refresh leases (the rest is
 * the session id)
 */
@ConfigurationProperties("web-bff.tokens")
@Validated
public record TokenProperties(@NotBlank @DefaultValue("web-bff") String registrationId,
		@NotNull @DefaultValue("60s") Duration refreshBeforeExpiry,
		@NotNull @DefaultValue("10s") Duration refreshLeaseTimeout,
		@NotNull @DefaultValue("50ms") Duration refreshPollInterval,
		@NotBlank @DefaultValue("web-bff:token-refresh:") String refreshLeaseKeyPrefix) {

}
