package dev.bfftemplate.partner.identity;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.partner.testing.PartnerTestEnvironment;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestPartners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

@PartnerBffTest
class ClientCredentialsTests {

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void clientCredentialsTokenActsForItsPartner() {
		services.stubFor(get("/orders/partners/acme/o-5701").willReturn(
				okJson("""
						{"id":"o-5701","customerId":"c-041","productId":"p-001","productName":"Mug","quantity":1,
						 "unitPrice":"1.00","total":"1.00","currency":"EUR","status":"placed","createdAt":"2026-01-01T10:00:00Z"}""")));
		String token = PartnerTestEnvironment.issuer()
			.token()
			.subject(TestPartners.ACME_CLIENT)
			.audience(TestPartners.AUDIENCE)
			.scope("partner.read partner.write")
			.build();
		this.client.get()
			.uri("/partner/v1/orders/o-5701")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("RateLimit")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("o-5701");
	}

	@Test
	void tokenOfAnotherClientIsRefused() {
		String token = PartnerTestEnvironment.issuer()
			.token()
			.subject("mobile-app")
			.audience(TestPartners.AUDIENCE)
			.build();
		refused(token);
	}

	@Test
	void expiredOrMisaddressedTokenIsRefused() {
		refused(PartnerTestEnvironment.issuer()
			.token()
			.subject(TestPartners.ACME_CLIENT)
			.audience(TestPartners.AUDIENCE)
			.expired(Duration.ofMinutes(5))
			.build());
		refused(PartnerTestEnvironment.issuer().token().subject(TestPartners.ACME_CLIENT).audience("bff").build());
	}

	private void refused(String token) {
		this.client.get()
			.uri("/partner/v1/orders/o-5701")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
