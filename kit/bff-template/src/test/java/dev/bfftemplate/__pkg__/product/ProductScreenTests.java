package dev.bfftemplate.__pkg__.product;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.__pkg__.testing.StandIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example screen through HTTP: complete, partial with a warning, a problem when the
 * required part fails, and only for callers with a token meant for this BFF.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = StandIns.class)
class ProductScreenTests {

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void services() {
		StandIns.services().resetAll();
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/catalog/products/p-001")).willReturn(okJson(
					"{\"id\":\"p-001\",\"name\":\"Lamp\",\"imageUrl\":\"https://images.example.test/p-001.jpg\",\"internal\":\"x\"}")));
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/reviews/products/p-001")).willReturn(okJson(
					"{\"productId\":\"p-001\",\"averageRating\":4.5,\"count\":12,\"recent\":[{\"author\":\"Ann\",\"rating\":5,\"title\":\"Great\"}]}")));
	}

	@Test
	void aCompleteScreenHasTheProductItsRatingAndNoWarnings() {
		product(StandIns.token()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Lamp")
			.jsonPath("$.rating.average")
			.isEqualTo(4.5)
			.jsonPath("$.rating.count")
			.isEqualTo(12)
			.jsonPath("$.internal")
			.doesNotExist()
			.jsonPath("$.warnings")
			.isEmpty();
		// the caller's token is relayed to the services
		StandIns.services()
			.verify(getRequestedFor(urlPathEqualTo("/catalog/products/p-001")).withHeader(HttpHeaders.AUTHORIZATION,
					matching("Bearer .+")));
	}

	@Test
	void aFailingOptionalServiceLeavesItsPartOutWithAWarning() {
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/reviews/products/p-001")).willReturn(aResponse().withStatus(500)));
		product(StandIns.token()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Lamp")
			.jsonPath("$.rating")
			.doesNotExist()
			.jsonPath("$.warnings[0].code")
			.isEqualTo("rating-unavailable")
			.jsonPath("$.warnings[0].dependency")
			.isEqualTo("reviews");
	}

	@Test
	void aFailingRequiredServiceIsAProblemWithoutInternals() {
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/catalog/products/p-001"))
				.willReturn(aResponse().withStatus(500).withBody("java.lang.IllegalStateException: db down")));
		byte[] body = product(StandIns.token()).expectStatus()
			.is5xxServerError()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(body)).doesNotContain("IllegalStateException").doesNotContain("db down");
	}

	@Test
	void withoutAValidTokenForThisBffNothingIsCalled() {
		this.client.get()
			.uri("/__name__/v1/products/p-001")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		product(StandIns.tokenForAnotherAudience()).expectStatus().isUnauthorized();
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	private WebTestClient.ResponseSpec product(String token) {
		return this.client.get()
			.uri("/__name__/v1/products/p-001")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

}
