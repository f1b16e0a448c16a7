package dev.bfftemplate.demo.auth;

import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RequestIssuerConfiguration.class)
class OidcDiscoveryTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private OidcTestClient client;

	@BeforeEach
	void createClient() {
		this.client = new OidcTestClient(this.port);
	}

	@Test
	void discoveryNamesTheIssuerAndItsEndpoints() {
		Map<String, Object> discovery = this.client.getJson("/.well-known/openid-configuration");
		String issuer = this.client.issuer();
		assertThat(discovery).containsEntry("issuer", issuer)
			.containsEntry("authorization_endpoint", issuer + "/oauth2/authorize")
			.containsEntry("token_endpoint", issuer + "/oauth2/token")
			.containsEntry("jwks_uri", issuer + "/oauth2/jwks")
			.containsEntry("userinfo_endpoint", issuer + "/userinfo")
			.containsEntry("end_session_endpoint", issuer + "/connect/logout")
			.containsEntry("revocation_endpoint", issuer + "/oauth2/revoke")
			// OpenID Connect Back-Channel Logout 1.0, section 2.1
			.containsEntry("backchannel_logout_supported", true)
			.containsEntry("backchannel_logout_session_supported", true);
		assertThat(discovery.get("id_token_signing_alg_values_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("RS256");
		assertThat(discovery.get("code_challenge_methods_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("S256");
		assertThat(discovery.get("grant_types_supported")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("authorization_code", "refresh_token", "client_credentials");
	}

	@Test
	void jwksServesOnlyThePublicRsaSigningKey() {
		Map<String, Object> jwks = this.client.getJson("/oauth2/jwks");
		assertThat(jwks.get("keys")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().satisfies((key) -> {
			assertThat(key).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("kty", "RSA")
				.containsEntry("use", "sig")
				.containsEntry("alg", "RS256")
				.containsKeys("kid", "n", "e")
				.doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
		});
	}

	@Test
	void probesAnswerOnTheMainPortWithoutLogin() {
		assertThat(this.client.get("/livez", MediaType.APPLICATION_JSON).statusCode()).isEqualTo(HttpStatus.OK.value());
		assertThat(this.client.get("/readyz", MediaType.APPLICATION_JSON).statusCode())
			.isEqualTo(HttpStatus.OK.value());
	}

	@Test
	void actuatorAnswersOnlyOnTheManagementPort() {
		OidcTestClient management = new OidcTestClient(this.managementPort);
		assertThat(management.get("/actuator/health", MediaType.APPLICATION_JSON).statusCode())
			.isEqualTo(HttpStatus.OK.value());
		assertThat(management.get("/actuator/prometheus", MediaType.TEXT_PLAIN).statusCode())
			.isEqualTo(HttpStatus.OK.value());
		assertThat(this.client.get("/actuator/health", MediaType.APPLICATION_JSON).statusCode())
			.isNotEqualTo(HttpStatus.OK.value());
	}

}
