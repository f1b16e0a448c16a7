package dev.bfftemplate.web.product;

import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;

@WebBffTest
class ProductPageTests {

	private final WireMockServer downstreams = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void productPageAssemblesAllFourServices() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String id = stubProduct();
		this.downstreams.stubFor(get("/inventory/stock/" + id)
			.willReturn(okJson("{\"productId\":\"%s\",\"available\":3,\"warehouse\":\"w-1\",\"status\":\"LOW_STOCK\"}"
				.formatted(id))));
		stubReviews(id);
		browser.fromApp(HttpMethod.GET, "/api/product-page/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.product.name")
			.isEqualTo("Teapot")
			.jsonPath("$.price.amount")
			.isEqualTo("24.50")
			.jsonPath("$.stock.available")
			.isEqualTo(3)
			.jsonPath("$.reviews.count")
			.isEqualTo(1)
			.jsonPath("$.warnings")
			.isEmpty();
	}

	@Test
	void failingInventoryLeavesStockOutWithAWarningAndFailingReviewsAreServedStale() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String id = stubProduct();
		this.downstreams.stubFor(get("/inventory/stock/" + id).willReturn(serverError()));
		stubReviews(id);
		browser.fromApp(HttpMethod.GET, "/api/product-page/" + id).exchange().expectStatus().isOk();
		this.downstreams.stubFor(get("/reviews/products/" + id).willReturn(serverError()));
		browser.fromApp(HttpMethod.GET, "/api/product-page/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stock")
			.doesNotExist()
			.jsonPath("$.reviews.count")
			.isEqualTo(1)
			.jsonPath("$.warnings[?(@.code == 'inventory-unavailable')].reason")
			.isEqualTo("error")
			.jsonPath("$.warnings[?(@.code == 'reviews-stale')].reason")
			.isEqualTo("stale");
	}

	@Test
	void unknownProductIs404AndAMalformedIdIs400() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client);
		String id = "p-" + UUID.randomUUID();
		this.downstreams.stubFor(get("/catalog/products/" + id).willReturn(notFound()));
		this.downstreams.stubFor(get("/pricing/prices/" + id).willReturn(notFound()));
		browser.fromApp(HttpMethod.GET, "/api/product-page/" + id).exchange().expectStatus().isNotFound();
		browser.fromApp(HttpMethod.GET, "/api/product-page/p..001").exchange().expectStatus().isBadRequest();
	}

	private String stubProduct() {
		String id = "p-" + UUID.randomUUID();
		this.downstreams.stubFor(get("/catalog/products/" + id).willReturn(okJson("""
				{"id":"%s","name":"Teapot","description":"Holds tea","category":"kitchen","brand":"Acme",
				"imageUrl":"https://img.example/teapot.png"}""".formatted(id))));
		this.downstreams.stubFor(get("/pricing/prices/" + id)
			.willReturn(okJson("{\"productId\":\"%s\",\"amount\":\"24.50\",\"currency\":\"EUR\"}".formatted(id))));
		return id;
	}

	private void stubReviews(String id) {
		this.downstreams.stubFor(get("/reviews/products/" + id).willReturn(okJson("""
				{"productId":"%s","averageRating":4.0,"count":1,"recent":[{"id":"r-1","author":"Ann","rating":4,
				"title":"Good","comment":"Pours well","createdAt":"2026-01-02T03:04:05Z"}]}""".formatted(id))));
	}

}
