package dev.bfftemplate.demo.auth;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RequestIssuerConfiguration.class)
class ClientCredentialsTests {

	private static final Map<String, String> PARTNER_GRANT = Map.of("grant_type", "client_credentials", "scope",
			"partner.read partner.write");

	@LocalServerPort
	private int port;

	private OidcTestClient client;

	@BeforeEach
	void createClient() {
		this.client = new OidcTestClient(this.port);
	}

	@Test
	void partnerTokenValidatesAgainstTheServedJwksForThePartnerBff() {
		HttpResponse<String> response = this.client.postForm("/oauth2/token", PARTNER_GRANT, "partner-acme",
				"partner-acme-secret");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(HttpStatus.OK.value());
		Map<String, Object> tokenResponse = OidcTestClient.json(response);
		assertThat(tokenResponse).containsEntry("token_type", "Bearer").doesNotContainKeys("refresh_token", "id_token");
		assertThat(((String) tokenResponse.get("scope")).split(" ")).containsExactlyInAnyOrder("partner.read",
				"partner.write");

		Jwt accessToken = this.client.jwtDecoder("partner-bff").decode((String) tokenResponse.get("access_token"));
		assertThat(accessToken.getHeaders()).containsEntry("alg", "RS256");
		assertThat(accessToken.getIssuer()).hasToString(this.client.issuer());
		assertThat(accessToken.getSubject()).isEqualTo("partner-acme");
		assertThat(accessToken.getAudience()).containsExactly("partner-acme", "partner-bff");
		assertThat(accessToken.getClaimAsStringList("scope")).containsExactlyInAnyOrder("partner.read",
				"partner.write");
		assertThat(accessToken.getClaims()).doesNotContainKeys("customer_id", "name", "email");
	}

	@Test
	void partnerTokenIsRefusedByAnotherBff() {
		String accessToken = (String) OidcTestClient
			.json(this.client.postForm("/oauth2/token", PARTNER_GRANT, "partner-acme", "partner-acme-secret"))
			.get("access_token");
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.client.jwtDecoder("bff-api").decode(accessToken))
			.withMessageContaining("aud");
	}

	@Test
	void wrongClientSecretIsRefused() {
		HttpResponse<String> response = this.client.postForm("/oauth2/token", PARTNER_GRANT, "partner-acme",
				"not-the-secret");
		assertThat(response.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED.value());
		assertThat(OidcTestClient.json(response)).containsEntry("error", "invalid_client")
			.doesNotContainKey("access_token");
	}

	@Test
	void scopeTheClientWasNotGivenIsRefused() {
		HttpResponse<String> response = this.client.postForm("/oauth2/token",
				Map.of("grant_type", "client_credentials", "scope", "partner.admin"), "partner-acme",
				"partner-acme-secret");
		assertThat(response.statusCode()).isEqualTo(HttpStatus.BAD_REQUEST.value());
		assertThat(OidcTestClient.json(response)).containsEntry("error", "invalid_scope");
	}

}
