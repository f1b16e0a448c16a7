package dev.bfftemplate.mobile.version;

import org.junit.jupiter.api.Test;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.MobileBffTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old apps: below {@code mobile-bff.app-version.minimum} (1.0.0) a request gets 426 with
 * a type the app recognises; without a version, 400.
 */
@MobileBffTest
class AppVersionTests {

	@Autowired
	private WebTestClient client;

	@Test
	void anAppBelowTheMinimumMustUpdate() {
		this.client.get()
			.uri("/mobile/v1/home")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.header("X-App-Version", "0.9.12")
			.exchange()
			.expectStatus()
			.isEqualTo(426)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/app-update-required")
			.jsonPath("$.status")
			.isEqualTo(426)
			.jsonPath("$.minimumVersion")
			.isEqualTo("1.0.0");
	}

	@Test
	void aRequestWithoutVersionIsA400() {
		this.client.get()
			.uri("/mobile/v1/home")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.header("X-App-Version", "")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/app-version-required");
	}

	@Test
	void versionsCompareNumerically() {
		assertThat(AppVersion.parse("1.10.0")).isGreaterThan(AppVersion.parse("1.9.9"));
		assertThat(AppVersion.parse("2")).isEqualByComparingTo(AppVersion.parse("2.0.0"));
		assertThat(AppVersion.parse("1.0.0-beta")).isNull();
		assertThat(AppVersion.parse("1.2.3.4")).isNull();
	}

}
