package dev.bfftemplate.starter.tokenhandler.login;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebSession;

/**
 * Starts a login: remembers where the browser wants to go afterwards and sends it to
 * Spring Security's authorization request endpoint (authorization code + PKCE).
 */
@RestController
class LoginController {

	static final String RETURN_TO_ATTRIBUTE = LoginController.class.getName() + ".returnTo";

	private final TokenHandlerProperties.Tokens tokens;

	LoginController(TokenHandlerProperties.Tokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("${bff.token-handler.paths.login:/bff/login}")
	ResponseEntity<Void> login(@RequestParam(defaultValue = "/") String returnTo, WebSession session) {
		if (!ReturnToPath.isSameOriginPath(returnTo)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"returnTo must be a path on this site, such as /products/p-001");
		}
		session.getAttributes().put(RETURN_TO_ATTRIBUTE, returnTo);
		URI authorization = URI.create("/oauth2/authorization/" + this.tokens.registrationId());
		return ResponseEntity.status(HttpStatus.FOUND).location(authorization).build();
	}

}
