package dev.bfftemplate.partner.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the partner API.
 *
 * @param apiKeyHeader the request header carrying an API key
 * @param apiKeys the API keys by key name (the name is what operators revoke; the key
 * itself is stored only as its SHA-256)
 * @param clients partners authenticating with OAuth2 client credentials, by client id
 * @param revokedKeysRedisKey the Redis set holding the names of revoked keys
 * @param failedAttempts how many failed authentications a client address may make
 */
@ConfigurationProperties("partner.identity")
@Validated
public record PartnerIdentityProperties(@DefaultValue("X-API-Key") @NotBlank String apiKeyHeader,
		@DefaultValue @Valid Map<String, ApiKey> apiKeys, @DefaultValue @Valid Map<String, PartnerAccount> clients,
		@DefaultValue("partner:revoked-api-keys") @NotBlank String revokedKeysRedisKey,
		@DefaultValue @Valid FailedAttempts failedAttempts) {

	/**
	 * One API key.
	 *
	 * @param sha256 the key's SHA-256, 64 hexadecimal digits
	 * @param partnerId the partner it authenticates
	 * @param plan the partner's plan
	 */
	public record ApiKey(@NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256, @NotBlank String partnerId,
			@NotBlank String plan) {

	}

	/**
	 * The partner behind a client id.
	 *
	 * @param partnerId the partner
	 * @param plan its plan
	 */
	public record PartnerAccount(@NotBlank String partnerId, @NotBlank String plan) {

	}

	/**
	 * The limit of failed authentications per client address, so that rotating invented
	 * keys buys no more attempts than reusing one.
	 *
	 * @param limit failures allowed in a window; past it the address gets 429
	 * @param window how long failures are remembered, counted from the first
	 * @param redisKeyPrefix prefix of the per-address counters in Redis
	 */
	public record FailedAttempts(@DefaultValue("20") @Min(1) int limit, @DefaultValue("1m") Duration window,
			@DefaultValue("partner:failed-authentications:") @NotBlank String redisKeyPrefix) {

	}

}
