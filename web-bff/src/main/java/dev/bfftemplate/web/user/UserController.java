package dev.bfftemplate.web.user;

import java.time.Duration;
import java.time.Instant;

import dev.bfftemplate.web.session.WebBffSessionProperties;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * {@code GET /bff/user}: who is signed in, for the web app's header.
 */
@RestController
class UserController {

	private final WebBffSessionProperties sessionProperties;

	UserController(WebBffSessionProperties sessionProperties) {
		this.sessionProperties = sessionProperties;
	}

	@GetMapping("/bff/user")
	BffUser user(@AuthenticationPrincipal OidcUser user, WebSession session) {
		return new BffUser(user.getSubject(), user.getFullName(), user.getEmail(), user.getClaimAsString("customer_id"),
				"/bff/logout", remainingLifetime(session).toSeconds());
	}

	private Duration remainingLifetime(WebSession session) {
		Instant now = Instant.now();
		// The stored last-access time, which moves only every
		// web-bff.session.touch-interval:
		// the idle timeout counts from it.
		Instant idleEnd = session.getLastAccessTime().plus(session.getMaxIdleTime());
		Instant absoluteEnd = session.getCreationTime().plus(this.sessionProperties.absoluteTimeout());
		Instant end = idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
		return Duration.between(now, end);
	}

}
