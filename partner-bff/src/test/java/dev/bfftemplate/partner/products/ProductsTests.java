package dev.bfftemplate.partner.products;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestPartners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@PartnerBffTest
class ProductsTests {

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void productHasItsCurrentPriceInThePartnerShape() {
		stubProduct("p-101");
		services.stubFor(get("/pricing/prices/p-101").willReturn(okJson("""
				{"productId":"p-101","amount":"19.99","currency":"EUR","validUntil":"2026-12-31T00:00:00Z"}""")));
		this.client.get()
			.uri("/partner/v1/products/p-101")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("""
					{"id":"p-101","name":"Trail shoe","description":"Light","category":"shoes","brand":"Acme",
					 "imageUrl":"https://images.example.com/products/p-101.jpg","price":{"amount":"19.99","currency":"EUR"}}""",
					org.springframework.test.json.JsonCompareMode.STRICT);
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		services.stubFor(get("/catalog/products/p-404").willReturn(aResponse().withStatus(404)));
		services.stubFor(get("/pricing/prices/p-404").willReturn(aResponse().withStatus(404)));
		this.client.get()
			.uri("/partner/v1/products/p-404")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.traceId")
			.exists();
	}

	@Test
	void malformedProductIdNeverReachesTheCatalog() {
		this.client.get()
			.uri("/partner/v1/products/p_1")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isNotFound();
		services.verify(0, getRequestedFor(urlPathEqualTo("/catalog/products/p_1")));
	}

	@Test
	void failingPricingIsABadGatewayProblemWithoutItsBody() {
		stubProduct("p-102");
		services.stubFor(get("/pricing/prices/p-102")
			.willReturn(aResponse().withStatus(500).withBody("java.lang.IllegalStateException at pricing-host-7")));
		String body = this.client.get()
			.uri("/partner/v1/products/p-102")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("IllegalStateException").doesNotContain("pricing-host");
	}

	@Test
	void v1ListIsDeprecatedWithDatesAndItsSuccessor() {
		stubCatalogPage();
		HttpHeaders headers = this.client.get()
			.uri("/partner/v1/products?page=1&size=2")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo("p-003")
			.jsonPath("$.totalElements")
			.isEqualTo(300)
			.jsonPath("$.page")
			.isEqualTo(1)
			.returnResult()
			.getResponseHeaders();
		assertThat(headers.getFirst("Deprecation"))
			.isEqualTo("@" + Instant.parse("2026-12-01T00:00:00Z").getEpochSecond());
		assertThat(headers.getFirst("Sunset")).isEqualTo(
				DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.of(2027, 6, 30, 0, 0, 0, 0, ZoneOffset.UTC)));
		assertThat(headers.get(HttpHeaders.LINK)).contains("</partner/v2/products>; rel=\"successor-version\"")
			.anySatisfy((link) -> assertThat(link).contains("rel=\"deprecation\""));
	}

	@Test
	void v2ListIsServedSideBySideWithoutDeprecation() {
		stubCatalogPage();
		this.client.get()
			.uri("/partner/v2/products?page=1&size=2")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Deprecation")
			.expectHeader()
			.doesNotExist("Sunset")
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo("p-003")
			.jsonPath("$.page.number")
			.isEqualTo(1)
			.jsonPath("$.page.totalElements")
			.isEqualTo(300)
			.jsonPath("$.totalElements")
			.doesNotExist();
	}

	@Test
	void otherOperationsAreNotDeprecated() {
		stubProduct("p-103");
		services.stubFor(get("/pricing/prices/p-103").willReturn(okJson("""
				{"productId":"p-103","amount":"5.00","currency":"EUR","validUntil":"2026-12-31T00:00:00Z"}""")));
		this.client.get()
			.uri("/partner/v1/products/p-103")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Deprecation");
	}

	@Test
	void pageOutsideTheContractIsABadRequestProblem() {
		this.client.get()
			.uri("/partner/v1/products?size=101")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unknownVersionIsABadRequestProblem() {
		this.client.get()
			.uri("/partner/v9/products/p-101")
			.header("X-API-Key", TestPartners.ACME_KEY)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static void stubProduct(String id) {
		services.stubFor(get("/catalog/products/" + id).willReturn(okJson("""
				{"id":"%s","name":"Trail shoe","description":"Light","category":"shoes","brand":"Acme",
				 "imageUrl":"https://images.example.com/products/%s.jpg"}""".formatted(id, id))));
	}

	private static void stubCatalogPage() {
		services.stubFor(get(urlPathEqualTo("/catalog/products")).willReturn(okJson("""
				{"items":[{"id":"p-003","name":"Mug","description":"Big","category":"home","brand":"Globex",
				 "imageUrl":"https://images.example.com/products/p-003.jpg"}],"page":1,"size":2,
				 "totalElements":300,"totalPages":150}""")));
	}

}
