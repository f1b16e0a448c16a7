package dev.bfftemplate.partner.identity;

import java.util.Map;

import dev.bfftemplate.partner.identity.PartnerIdentityProperties.PartnerAccount;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

/**
 * Maps a client credentials access token to its partner: the token's subject is the
 * OAuth2 client id, configured under {@code partner.identity.clients}. A valid token of
 * any other client is refused.
 */
class ClientCredentialsPartners implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final Map<String, PartnerAccount> clients;

	ClientCredentialsPartners(PartnerIdentityProperties properties) {
		this.clients = properties.clients();
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		PartnerAccount account = (jwt.getSubject() != null) ? this.clients.get(jwt.getSubject()) : null;
		if (account == null) {
			return Mono.error(new BadCredentialsException("Not a partner client"));
		}
		return Mono.just(new PartnerAuthentication(new Partner(account.partnerId(), account.plan())));
	}

}
