package dev.bfftemplate.mobile.product;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.mobile.testing.AppTokens;
import dev.bfftemplate.mobile.testing.DemoServices;
import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.testing.StandIns;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /mobile/v1/products/{id}}: a product card with an in-stock boolean (not the
 * warehouse breakdown), rating and three review snippets.
 */
@MobileBffTest
class ProductCardTests {

	@Autowired
	private WebTestClient client;

	@BeforeEach
	void stubs() {
		StandIns.services().resetAll();
		DemoServices.product("p-101");
		DemoServices.stock("p-101", 4);
		DemoServices.reviews("p-101");
	}

	@Test
	void theCardHasWhatTheAppShowsNoMore() {
		String body = card("p-101", "").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Product p-101")
			.jsonPath("$.price")
			.isEqualTo("19.90")
			.jsonPath("$.inStock")
			.isEqualTo(true)
			.jsonPath("$.rating.average")
			.isEqualTo(4.5)
			.jsonPath("$.rating.count")
			.isEqualTo(12)
			.jsonPath("$.reviews.length()")
			.isEqualTo(3)
			.jsonPath("$.reviews[0].title")
			.isEqualTo("Great")
			.jsonPath("$.warnings")
			.doesNotExist()
			.returnResult()
			.getResponseBodyContent()
			.toString();
		assertThat(new String(card("p-101", "").expectBody().returnResult().getResponseBody()))
			.doesNotContain("warehouse")
			.doesNotContain("available")
			.doesNotContain("description")
			.doesNotContain("comment");
		assertThat(body).isNotEmpty();
	}

	@Test
	void withoutInventoryInStockIsLeftOutWithAWarning() {
		StandIns.services()
			.stubFor(get(urlPathEqualTo("/inventory/stock/p-101")).willReturn(aResponse().withStatus(503)));
		card("p-101", "").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.inStock")
			.doesNotExist()
			.jsonPath("$.warnings[0].code")
			.isEqualTo("inventory-unavailable")
			.jsonPath("$.warnings[0].reason")
			.isEqualTo("error");
	}

	@Test
	void anUnknownProductIsA404Problem() {
		StandIns.services().stubFor(get(urlPathEqualTo("/catalog/products/p-404")).willReturn(notFound()));
		StandIns.services().stubFor(get(urlPathEqualTo("/pricing/prices/p-404")).willReturn(notFound()));
		card("p-404", "").expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aMalformedIdIsRefusedBeforeAnyCall() {
		card("p%20101", "").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(StandIns.services().getAllServeEvents()).isEmpty();
	}

	@Test
	void fieldsSelectTheCardsFields() {
		card("p-101", "?fields=name,price,inStock").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.exists()
			.jsonPath("$.inStock")
			.exists()
			.jsonPath("$.rating")
			.doesNotExist()
			.jsonPath("$.reviews")
			.doesNotExist();
		card("p-101", "?fields=warehouse").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("fields may name only: id, name, imageUrl, price, currency, inStock, rating, reviews.");
	}

	private WebTestClient.ResponseSpec card(String id, String query) {
		return this.client.get()
			.uri("/mobile/v1/products/" + id + query)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + AppTokens.alice())
			.exchange();
	}

}
