package dev.bfftemplate.mobile.home;

import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.ContractCheckedClient;
import dev.bfftemplate.mobile.testing.DemoServices;
import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.testing.StandIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /mobile/v1/home}: one round trip, compact, partial when a service fails,
 * revalidated with ETag; answers above 1 KB gzipped.
 */
@MobileBffTest
class HomeTests {

	private static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@BeforeEach
	void stubs() {
		StandIns.services().resetAll();
		DemoServices.customer("c-001", "Alice Anders");
		DemoServices.recentOrders("c-001", 7);
		DemoServices.recommendations("c-001", "p-001", "p-002", "p-003", "p-004", "p-005");
		for (String product : new String[] { "p-001", "p-002", "p-003" }) {
			DemoServices.product(product);
		}
	}

	@Test
	void aCompleteHomeHasNoWarnings() {
		home("").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.firstName")
			.isEqualTo("Alice")
			.jsonPath("$.recentOrders.length()")
			.isEqualTo(5)
			.jsonPath("$.recentOrders[0].id")
			.isEqualTo("o-2000")
			.jsonPath("$.recentOrders[0].total")
			.isEqualTo("59.98")
			.jsonPath("$.recentOrders[0].date")
			.isEqualTo("2026-11-20")
			.jsonPath("$.recommendations.length()")
			.isEqualTo(3)
			.jsonPath("$.recommendations[0].thumbnailUrl")
			.isEqualTo("https://images.example.test/products/p-001.jpg")
			.jsonPath("$.recommendations[0].price")
			.isEqualTo("19.90")
			.jsonPath("$.warnings")
			.doesNotExist();
	}

	@Test
	void failingServicesLeaveTheirPartsOutWithWarnings() {
		StandIns.services().stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(503)));
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/recommendations/customers/c-001")).willReturn(aResponse().withStatus(500)));
		home("").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.firstName")
			.isEqualTo("Alice")
			.jsonPath("$.recentOrders")
			.doesNotExist()
			.jsonPath("$.recommendations")
			.doesNotExist()
			.jsonPath("$.warnings[?(@.code == 'recent-orders-unavailable')].reason")
			.isEqualTo("error")
			.jsonPath("$.warnings[?(@.code == 'recommendations-omitted')].dependency")
			.isEqualTo("recommendations");
	}

	@Test
	void aRecommendationWithoutPriceIsLeftOutWithAWarning() {
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/pricing/prices/p-002")).willReturn(aResponse().withStatus(500)));
		home("").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.recommendations.length()")
			.isEqualTo(2)
			.jsonPath("$.warnings[0].code")
			.isEqualTo("recommendation-details-omitted");
	}

	@Test
	void fieldsSelectTopLevelFields() {
		home("?fields=firstName").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.firstName")
			.isEqualTo("Alice")
			.jsonPath("$.recentOrders")
			.doesNotExist()
			.jsonPath("$.recommendations")
			.doesNotExist();
	}

	@Test
	void anUnknownFieldIsA400NamingTheAllowedOnes() {
		home("?fields=firstName,email").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unknown-field")
			.jsonPath("$.allowedFields")
			.isEqualTo(java.util.List.of("firstName", "recentOrders", "recommendations"))
			.jsonPath("$.traceId")
			.exists();
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	@Test
	void anUnchangedHomeIsA304WithoutBody() {
		String etag = home("").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-cache")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		assertThat(etag).startsWith("W/\"");
		this.client.get()
			.uri("/mobile/v1/home")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.isEmpty();
		DemoServices.customer("c-001", "Alicia Anders");
		home("").expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.ETAG, (changed) -> assertThat(changed).isNotEqualTo(etag));
	}

	@Test
	void theProtobufHomeCarriesWhatTheJsonOneDoesInFewerBytes() throws Exception {
		byte[] json = home("").expectStatus().isOk().expectBody().returnResult().getResponseBody();
		byte[] binary = homeMessage("").expectStatus()
			.isOk()
			.expectHeader()
			.contentType(PROTOBUF)
			.expectBody()
			.returnResult()
			.getResponseBody();
		dev.bfftemplate.mobile.v1.Home home = dev.bfftemplate.mobile.v1.Home.parseFrom(binary);
		assertThat(home.getFirstName()).isEqualTo("Alice");
		assertThat(home.getRecentOrdersList()).hasSize(5);
		assertThat(home.getRecentOrders(0).getId()).isEqualTo("o-2000");
		assertThat(home.getRecentOrders(0).getDate()).isEqualTo("2026-11-20");
		assertThat(home.getRecentOrders(0).getTotal()).isEqualTo("59.98");
		assertThat(home.getRecommendationsList()).extracting(dev.bfftemplate.mobile.v1.Recommendation::getId)
			.containsExactly("p-001", "p-002", "p-003");
		assertThat(home.getRecommendations(0).getThumbnailUrl())
			.isEqualTo("https://images.example.test/products/p-001.jpg");
		assertThat(home.getRecommendations(0).getPrice()).isEqualTo("19.90");
		assertThat(home.getWarningsList()).isEmpty();
		// the point of the binary form: the same screen in at most 60 % of the bytes
		assertThat(binary.length).isLessThanOrEqualTo(json.length * 6 / 10);
	}

	@Test
	void theProtobufHomeNamesMissingPartsAndHonoursFieldSelection() throws Exception {
		StandIns.services().stubFor(get(urlPathEqualTo("/orders")).willReturn(aResponse().withStatus(503)));
		dev.bfftemplate.mobile.v1.Home home = dev.bfftemplate.mobile.v1.Home
			.parseFrom(homeMessage("?fields=firstName,recentOrders").expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody());
		assertThat(home.getFirstName()).isEqualTo("Alice");
		assertThat(home.getRecentOrdersList()).isEmpty();
		assertThat(home.getRecommendationsList()).isEmpty();
		assertThat(home.getWarningsList())
			.extracting(dev.bfftemplate.mobile.v1.Warning::getCode, dev.bfftemplate.mobile.v1.Warning::getReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("recent-orders-unavailable", "error"));
	}

	@Test
	void eachRepresentationHasItsOwnETagAndCachesVaryByAccept() {
		String json = home("").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
		String binary = homeMessage("").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();
		assertThat(binary).isNotNull().isNotEqualTo(json);
		this.client.get()
			.uri("/mobile/v1/home")
			.accept(PROTOBUF)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.header(HttpHeaders.IF_NONE_MATCH, binary)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void aLargeAnswerIsGzippedASmallOneIsNot() throws Exception {
		StringBuilder orders = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			orders.append((i > 0) ? "," : "").append(DemoServices.order("o-" + (3000 + i), "c-001"));
		}
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/orders/history"))
				.willReturn(okJson("{\"customerId\":\"c-001\",\"orders\":[" + orders + "],\"hasMore\":false}")));
		byte[] large = raw("/mobile/v1/orders");
		byte[] small = raw("/mobile/v1/home?fields=firstName");
		assertThat(large).hasSizeGreaterThan(10).startsWith((byte) 0x1f, (byte) 0x8b);
		String json = new String(new GZIPInputStream(new java.io.ByteArrayInputStream(large)).readAllBytes());
		assertThat(json).startsWith("{\"orders\":[{\"id\":\"o-3000\"");
		assertThat(new String(small)).isEqualTo("{\"firstName\":\"Alice\"}");
	}

	private byte[] raw(String path) {
		return HttpClient.create()
			.headers((headers) -> headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
				.add(HttpHeaders.ACCEPT_ENCODING, "gzip")
				.add("X-App-Version", ContractCheckedClient.APP_VERSION))
			.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.responseSingle((response, body) -> body.asByteArray())
			.block(java.time.Duration.ofSeconds(20));
	}

	private WebTestClient.ResponseSpec homeMessage(String query) {
		return this.client.get()
			.uri("/mobile/v1/home" + query)
			.accept(PROTOBUF)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.exchange();
	}

	private WebTestClient.ResponseSpec home(String query) {
		return this.client.get()
			.uri("/mobile/v1/home" + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.exchange();
	}

}
