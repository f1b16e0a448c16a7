package dev.bfftemplate.starter.identity;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The sample BFF's {@link DownstreamAuthorization} relays the caller's bearer token to
 * every downstream call.
 */
@SampleBffTest
class TokenRelayTests {

	private final WireMockServer downstreams = SampleDownstreams.server();

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void stubDownstreams() {
		this.downstreams.resetAll();
		this.downstreams.stubFor(get(urlPathMatching("/(catalog|inventory|reviews)/items/t1"))
			.willReturn(okJson("{\"id\":\"t1\",\"name\":\"Lamp\"}")));
	}

	@Test
	void everyDownstreamCallCarriesTheCallersToken() {
		this.client.get()
			.uri("/products/t1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer alice-access-token")
			.exchange()
			.expectStatus()
			.isOk();
		for (String downstream : new String[] { "catalog", "inventory", "reviews" }) {
			this.downstreams.verify(getRequestedFor(urlPathEqualTo("/" + downstream + "/items/t1"))
				.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer alice-access-token")));
		}
	}

	@Test
	void callsOfAnAnonymousRequestCarryNoToken() {
		this.client.get().uri("/products/t1").exchange().expectStatus().isOk();
		this.downstreams.verify(3, getRequestedFor(urlPathMatching("/(catalog|inventory|reviews)/items/t1"))
			.withHeader(HttpHeaders.AUTHORIZATION, absent()));
	}

}
