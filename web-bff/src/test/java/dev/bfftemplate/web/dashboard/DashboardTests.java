package dev.bfftemplate.web.dashboard;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class DashboardTests {

	private final WireMockServer downstreams = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void dashboardAssemblesProfileOrdersAndRecommendationsWithTheSessionsAccessToken() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = browser.tokens().user().customerId();
		stubProfile(customerId);
		stubOrders(customerId);
		this.downstreams.stubFor(get("/recommendations/customers/" + customerId)
			.willReturn(okJson("{\"customerId\":\"%s\",\"items\":[{\"productId\":\"p-007\",\"name\":\"Lamp\"}]}"
				.formatted(customerId))));
		browser.fromApp(HttpMethod.GET, "/api/dashboard")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customer.name")
			.isEqualTo("Bob Example")
			.jsonPath("$.customer.tier")
			.isEqualTo("gold")
			.jsonPath("$.recentOrders.orders[0].productName")
			.isEqualTo("Kettle")
			.jsonPath("$.recentOrders.totalCount")
			.isEqualTo(7)
			.jsonPath("$.recommendations.items[0].productId")
			.isEqualTo("p-007")
			.jsonPath("$.warnings")
			.isEmpty();
		for (String path : new String[] { "/customers/" + customerId, "/orders",
				"/recommendations/customers/" + customerId }) {
			this.downstreams.verify(getRequestedFor(urlPathEqualTo(path))
				.withHeader("Authorization", equalTo("Bearer " + browser.tokens().accessToken()))
				.withHeader("Cookie", absent())
				.withHeader("X-CSRF", absent()));
		}
	}

	@Test
	void failingOrdersAndRecommendationsDegradeTheDashboardWithWarnings() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = browser.tokens().user().customerId();
		stubProfile(customerId);
		this.downstreams.stubFor(get(urlPathEqualTo("/orders")).withQueryParam("customerId", equalTo(customerId))
			.willReturn(serverError().withBody("internal stack trace at orders-db-7.internal")));
		this.downstreams.stubFor(get("/recommendations/customers/" + customerId).willReturn(serverError()));
		browser.fromApp(HttpMethod.GET, "/api/dashboard")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customer.name")
			.isEqualTo("Bob Example")
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
	void failingProfileFailsTheDashboardWithA5xxProblemThatLeaksNothing() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(get("/customers/" + customerId)
			.willReturn(serverError().withBody("internal stack trace at customers-db-3.internal")));
		stubOrders(customerId);
		String body = new String(browser.fromApp(HttpMethod.GET, "/api/dashboard")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.dependency")
			.isEqualTo("customers")
			.returnResult()
			.getResponseBodyContent());
		assertThat(body).doesNotContain("customers-db-3").doesNotContain("127.0.0.1").doesNotContain("Exception");
	}

	private void stubProfile(String customerId) {
		this.downstreams.stubFor(get("/customers/" + customerId).willReturn(okJson("""
				{"id":"%s","name":"Bob Example","email":"bob@example.test","tier":"gold","memberSince":"2021-03-04"}"""
			.formatted(customerId))));
	}

	private void stubOrders(String customerId) {
		this.downstreams.stubFor(get(urlPathEqualTo("/orders")).withQueryParam("customerId", equalTo(customerId))
			.withQueryParam("limit", equalTo("5"))
			.willReturn(okJson("""
					{"customerId":"%s","totalCount":7,"orders":[{"id":"o-1","customerId":"%s","productId":"p-002",
					"productName":"Kettle","quantity":1,"unitPrice":"19.99","total":"19.99","currency":"EUR",
					"status":"placed","createdAt":"2026-01-02T03:04:05Z"}]}""".formatted(customerId, customerId))));
	}

}
