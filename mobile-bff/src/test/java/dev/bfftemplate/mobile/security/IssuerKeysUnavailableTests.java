package dev.bfftemplate.mobile.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.StandIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the issuer's keys cannot be fetched, a token cannot be checked: the app gets a 503
 * problem to retry, not a 401 that would make it throw away a token that may well be
 * valid (and sign the user out), nor a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = { StandIns.class, IssuerKeysUnavailableTests.NoKeys.class })
class IssuerKeysUnavailableTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aTokenThatCannotBeCheckedNowIsA503Problem() {
		StandIns.services().resetAll();
		this.client.get()
			.uri("/mobile/v1/home")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/token-check-unavailable")
			.jsonPath("$.traceId")
			.exists();
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	/**
	 * Points the JWK set URI at a closed port (after {@link StandIns}, so it wins).
	 */
	static class NoKeys implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("noKeys",
						Map.of("bff.resource-server.jwk-set-uri", "http://127.0.0.1:1/oauth2/jwks")));
		}

	}

}
