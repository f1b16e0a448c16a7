package dev.bfftemplate.starter.tokenhandler.login;

import java.net.URI;

import dev.bfftemplate.starter.tokenhandler.origin.PublicOrigin;
import dev.bfftemplate.starter.tokenhandler.session.OidcSessionIndex;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * After login (the session id has already been rotated by then), records the session for
 * back-channel logout and sends the browser back where it asked to go, at the configured
 * public origin.
 */
public class LoginSuccessHandler implements ServerAuthenticationSuccessHandler {

	private final OidcSessionIndex sessionIndex;

	private final PublicOrigin origin;

	private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

	/**
	 * Creates the handler.
	 * @param sessionIndex where the session is recorded for back-channel logout
	 * @param origin the public origin of the redirect
	 */
	public LoginSuccessHandler(OidcSessionIndex sessionIndex, PublicOrigin origin) {
		this.sessionIndex = sessionIndex;
		this.origin = origin;
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
		return webFilterExchange.getExchange().getSession().flatMap((session) -> {
			String returnTo = (String) session.getAttributes().remove(LoginController.RETURN_TO_ATTRIBUTE);
			URI location = URI.create(this.origin.urlOf((returnTo != null) ? returnTo : "/"));
			return register(authentication, session)
				.then(this.redirects.sendRedirect(webFilterExchange.getExchange(), location));
		});
	}

	private Mono<Void> register(Authentication authentication, WebSession session) {
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return this.sessionIndex.register(user.getSubject(), user.getIdToken().getClaimAsString("sid"),
					session.getId());
		}
		return Mono.empty();
	}

}
