package dev.bfftemplate.web.customer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Loads the signed-in user as Spring Security does (ID token, then UserInfo) and, when
 * neither names the user's customer, takes the {@code customer_id} claim from the access
 * token the provider issued for the BFF's API, after validating it against the provider's
 * keys and issuer. Some providers (the demo one among them) put such claims in access
 * tokens only.
 */
@Component
class CustomerIdUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Log logger = LogFactory.getLog(CustomerIdUserService.class);

	private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

	private final Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		return this.delegate.loadUser(request).flatMap((user) -> {
			if (user.getClaimAsString(SignedInCustomer.CLAIM) != null) {
				return Mono.just(user);
			}
			return customerIdFromAccessToken(request).map((customerId) -> withCustomerId(user, customerId))
				.defaultIfEmpty(user);
		});
	}

	private Mono<String> customerIdFromAccessToken(OidcUserRequest request) {
		return decoder(request.getClientRegistration()).decode(request.getAccessToken().getTokenValue())
			.mapNotNull((token) -> token.getClaimAsString(SignedInCustomer.CLAIM))
			.onErrorResume(JwtException.class, (ex) -> {
				logger.info("The access token names no usable customer: " + ex.getMessage());
				return Mono.empty();
			});
	}

	private ReactiveJwtDecoder decoder(ClientRegistration registration) {
		return this.decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> {
			ClientRegistration.ProviderDetails provider = registration.getProviderDetails();
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(provider.getJwkSetUri())
				.validateType(false)
				.build();
			// Access tokens are typed "at+jwt" (RFC 9068) by some providers, "JWT" by
			// others.
			JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
			type.setAllowEmpty(true);
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
					new JwtIssuerValidator(provider.getIssuerUri()), type));
			return decoder;
		});
	}

	private static OidcUser withCustomerId(OidcUser user, String customerId) {
		Map<String, Object> claims = new HashMap<>((user.getUserInfo() != null) ? user.getUserInfo().getClaims()
				: Map.of(IdTokenClaimNames.SUB, user.getSubject()));
		claims.put(SignedInCustomer.CLAIM, customerId);
		return new DefaultOidcUser(user.getAuthorities(), user.getIdToken(), new OidcUserInfo(claims));
	}

}
