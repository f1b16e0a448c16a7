package dev.bfftemplate.starter.tokenhandler.logout;

import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.starter.tokenhandler.session.OidcSessionIndex;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * {@code POST /bff/backchannel-logout}
 * ({@code bff.token-handler.paths.back-channel-logout}): the provider tells us, server to
 * server, that a user's provider session ended; every BFF session of it ends here, on
 * every instance (the sessions are deleted from the shared store). It needs no CSRF
 * header: the signed logout token is what authenticates the call.
 */
@RestController
class BackChannelLogoutController {

	private static final Log logger = LogFactory.getLog(BackChannelLogoutController.class);

	private final Mono<ReactiveJwtDecoder> decoder;

	private final OidcSessionIndex sessionIndex;

	private final ReactiveSessionRepository<?> sessions;

	BackChannelLogoutController(ReactiveClientRegistrationRepository registrations,
			TokenHandlerProperties.Tokens tokens, OidcSessionIndex sessionIndex,
			ReactiveSessionRepository<?> sessions) {
		this.decoder = registrations.findByRegistrationId(tokens.registrationId())
			.map(BackChannelLogoutController::logoutTokenDecoder)
			.cache();
		this.sessionIndex = sessionIndex;
		this.sessions = sessions;
	}

	@PostMapping(path = "${bff.token-handler.paths.back-channel-logout:/bff/backchannel-logout}",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
		Mono<String> logoutToken = exchange.getFormData()
			.mapNotNull((form) -> form.getFirst("logout_token"))
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"The logout_token form parameter is missing")));
		return logoutToken.zipWith(this.decoder)
			.flatMap((request) -> request.getT2().decode(request.getT1()))
			.onErrorMap(JwtException.class, (ex) -> {
				logger.info("Refused a back-channel logout token: " + ex.getMessage());
				return new ResponseStatusException(HttpStatus.BAD_REQUEST, "The logout token is not valid");
			})
			.flatMap(this::endSessions)
			.thenReturn(ResponseEntity.ok().cacheControl(CacheControl.noStore()).build());
	}

	private Mono<Void> endSessions(Jwt logoutToken) {
		String subject = logoutToken.getSubject();
		String providerSessionId = logoutToken.getClaimAsString("sid");
		return this.sessionIndex.sessionIds(subject, providerSessionId)
			.flatMap(this.sessions::deleteById)
			.then(this.sessionIndex.forget(subject, providerSessionId));
	}

	private static ReactiveJwtDecoder logoutTokenDecoder(ClientRegistration registration) {
		ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(provider.getJwkSetUri()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
				new JwtIssuerValidator(provider.getIssuerUri()), new LogoutTokenValidator(registration.getClientId())));
		return decoder;
	}

}
