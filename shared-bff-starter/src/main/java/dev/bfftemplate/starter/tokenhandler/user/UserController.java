package dev.bfftemplate.starter.tokenhandler.user;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * {@code GET /bff/user}: who is signed in, for the web app's header; never a token. The
 * application adds its own members with {@link UserClaimsCustomizer} beans.
 */
@RestController
class UserController {

	private final TokenHandlerProperties properties;

	private final List<UserClaimsCustomizer> customizers;

	UserController(TokenHandlerProperties properties, List<UserClaimsCustomizer> customizers) {
		this.properties = properties;
		this.customizers = customizers;
	}

	@GetMapping("${bff.token-handler.paths.user:/bff/user}")
	Map<String, Object> user(@AuthenticationPrincipal OidcUser user, WebSession session) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("subject", user.getSubject());
		claims.put("name", user.getFullName());
		claims.put("email", user.getEmail());
		claims.put("logoutUrl", this.properties.paths().logout());
		claims.put("sessionExpiresInSeconds", remainingLifetime(session).toSeconds());
		this.customizers.forEach((customizer) -> customizer.customize(user, claims));
		return claims;
	}

	private Duration remainingLifetime(WebSession session) {
		Instant now = Instant.now();
		// The stored last-access time, which moves only every
		// bff.token-handler.session.touch-interval: the idle timeout counts from it.
		Instant idleEnd = session.getLastAccessTime().plus(session.getMaxIdleTime());
		Instant absoluteEnd = session.getCreationTime().plus(this.properties.session().absoluteTimeout());
		Instant end = idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
		return Duration.between(now, end);
	}

}
