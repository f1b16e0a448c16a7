package dev.bfftemplate.partner.quota;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestClock;
import dev.bfftemplate.partner.testing.TestPartners;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@PartnerBffTest
class QuotaTests {

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Autowired
	private TestClock clock;

	@BeforeAll
	static void stubOrderLists() {
		services.stubFor(get(urlPathMatching("/orders/partners/[a-z-]+"))
			.willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}")));
	}

	@Test
	void dailyQuotaIsEnforcedForOnePartnerOnly() {
		for (int left = 2; left >= 0; left--) {
			int remaining = left;
			orders(TestPartners.DAILY_A_KEY).expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("RateLimit-Policy", "\"per-second\";q=1000;w=1, \"per-day\";q=3;w=86400")
				.expectHeader()
				.value("RateLimit", (value) -> assertThat(value).contains("\"per-day\";r=" + remaining + ";"));
		}
		HttpHeaders refused = orders(TestPartners.DAILY_A_KEY).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("quota-exceeded")
			.jsonPath("$.status")
			.isEqualTo(429)
			.returnResult()
			.getResponseHeaders();
		assertThat(refused.getFirst("RateLimit")).contains("\"per-day\";r=0;");
		assertThat(refused.getFirst("RateLimit-Policy")).isNotBlank();
		assertThat(Long.parseLong(refused.getFirst(HttpHeaders.RETRY_AFTER))).isPositive().isLessThanOrEqualTo(86_400);
		// the other partner on the same plan still has its whole quota
		orders(TestPartners.DAILY_B_KEY).expectStatus()
			.isOk()
			.expectHeader()
			.value("RateLimit", (value) -> assertThat(value).contains("\"per-day\";r=2;"));
	}

	@Test
	void perSecondQuotaAsksToRetryInOneSecond() {
		this.clock.stop();
		try {
			for (int request = 0; request < 3; request++) {
				orders(TestPartners.BURST_KEY).expectStatus().isOk();
			}
			orders(TestPartners.BURST_KEY).expectStatus()
				.isEqualTo(429)
				.expectHeader()
				.valueEquals(HttpHeaders.RETRY_AFTER, "1")
				.expectHeader()
				.value("RateLimit", (value) -> assertThat(value).startsWith("\"per-second\";r=0;t=1"));
		}
		finally {
			this.clock.resume();
		}
	}

	private WebTestClient.ResponseSpec orders(String apiKey) {
		return this.client.get().uri("/partner/v1/orders").header("X-API-Key", apiKey).exchange();
	}

}
