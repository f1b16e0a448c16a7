package dev.bfftemplate.demo.auth.logout;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OpenID Connect Back-Channel Logout 1.0, under {@code demo.auth.back-channel-logout}:
 * which clients want a logout token when a user's session here ends, and how hard this
 * server tries to deliver it. Spring Authorization Server has no client metadata for it,
 * so it is configured here, next to Boot's client registrations.
 *
 * @param clients the clients that registered a back-channel logout URI, by client id
 * @param timeout how long one delivery attempt (connect and answer) may take
 * @param attempts how many times a delivery is tried before it is given up (logged)
 * @param retryBackoff the wait before the second attempt, doubling for each further one
 * @param tokenTimeToLive how long a logout token is valid ({@code exp - iat})
 */
@ConfigurationProperties("demo.auth.back-channel-logout")
@Validated
public record BackChannelLogoutProperties(@DefaultValue @Valid Map<String, Client> clients,
		@DefaultValue("2s") @NotNull Duration timeout, @DefaultValue("3") @Min(1) int attempts,
		@DefaultValue("500ms") @NotNull Duration retryBackoff, @DefaultValue("2m") @NotNull Duration tokenTimeToLive) {

	/**
	 * One client's back-channel logout registration (the client metadata of the
	 * specification's section 2.2).
	 *
	 * @param uri {@code backchannel_logout_uri}: where the logout token is POSTed, server
	 * to server
	 * @param sessionRequired {@code backchannel_logout_session_required}: the client
	 * needs {@code sid} in the logout token; this server always sends it, so the flag
	 * only documents what the client relies on
	 */
	public record Client(@NotNull URI uri, @DefaultValue("true") boolean sessionRequired) {

	}

}
