package dev.bfftemplate.partner.identity;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestPartners;
import dev.bfftemplate.test.actuator.ManagementSurface;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

@PartnerBffTest
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyTests {

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveStringRedisTemplate redis;

	@Autowired
	private PartnerIdentityProperties properties;

	@LocalManagementPort
	private int managementPort;

	@BeforeAll
	static void stubOrderLists() {
		services.stubFor(get(urlPathMatching("/orders/partners/[a-z-]+"))
			.willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}")));
	}

	@Test
	void missingKeyIsUnauthorizedProblem() {
		this.client.get()
			.uri("/partner/v1/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@Test
	void unknownKeyIsAnsweredLikeAMissingOne() {
		String inventedKey = "invented-" + UUID.randomUUID();
		String body = this.client.get()
			.uri("/partner/v1/orders")
			.header("X-API-Key", inventedKey)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"unauthorized\"").doesNotContain(inventedKey);
	}

	@Test
	void keyIsRevokedAndRestoredWithoutARestart() {
		orders(TestPartners.REVOKABLE_KEY).expectStatus().isOk();
		this.redis.opsForSet().add(this.properties.revokedKeysRedisKey(), "revokable").block();
		try {
			orders(TestPartners.REVOKABLE_KEY).expectStatus().isUnauthorized();
		}
		finally {
			this.redis.opsForSet().remove(this.properties.revokedKeysRedisKey(), "revokable").block();
		}
		orders(TestPartners.REVOKABLE_KEY).expectStatus().isOk();
	}

	@Test
	void keysNeverReachLogsRedisKeysOrMetrics(CapturedOutput output) {
		String inventedKey = "invented-" + UUID.randomUUID();
		orders(TestPartners.ACME_KEY).expectStatus().isOk();
		orders(inventedKey).expectStatus().isUnauthorized();
		assertThat(output.getAll()).contains("partner=acme")
			.doesNotContain(TestPartners.ACME_KEY)
			.doesNotContain(inventedKey);
		List<String> redisKeys = this.redis.scan(ScanOptions.scanOptions().match("*").count(1000).build())
			.collectList()
			.block();
		assertThat(redisKeys).isNotEmpty()
			.noneMatch((key) -> key.contains(TestPartners.ACME_KEY) || key.contains(inventedKey)
					|| key.contains(TestPartners.sha256(TestPartners.ACME_KEY)));
		String metrics = ManagementSurface.scrapePrometheus(this.managementPort).text();
		assertThat(metrics).contains("http_server_requests")
			.doesNotContain(TestPartners.ACME_KEY)
			.doesNotContain(inventedKey);
	}

	@Test
	void failedAuthenticationsAreLimitedPerClientAddress() {
		String address = "203.0.113." + (1 + (int) (Math.random() * 250));
		String limitedAddress = "198.51.100." + (1 + (int) (Math.random() * 250));
		for (int attempt = 0; attempt < 5; attempt++) {
			ordersFrom(limitedAddress, "invented-" + UUID.randomUUID()).expectStatus().isUnauthorized();
		}
		ordersFrom(limitedAddress, "invented-" + UUID.randomUUID()).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("too-many-failed-authentications");
		// rotating to a valid key buys the address nothing until its window ends
		ordersFrom(limitedAddress, TestPartners.ACME_KEY).expectStatus().isEqualTo(429);
		ordersFrom(address, TestPartners.ACME_KEY).expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec orders(String apiKey) {
		return this.client.get().uri("/partner/v1/orders").header("X-API-Key", apiKey).exchange();
	}

	private WebTestClient.ResponseSpec ordersFrom(String address, String apiKey) {
		return this.client.get()
			.uri("/partner/v1/orders")
			.header("X-API-Key", apiKey)
			.header("X-Forwarded-For", address)
			.exchange();
	}

}
