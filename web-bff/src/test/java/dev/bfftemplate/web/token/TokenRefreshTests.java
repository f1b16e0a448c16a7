package dev.bfftemplate.web.token;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.IssuedTokens;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.StandInProvider;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

@WebBffTest
class TokenRefreshTests {

	private final WireMockServer downstreams = StandInDownstreams.shared();

	private final StandInProvider provider = StandInProvider.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void anExpiringTokenIsRefreshedOnceEvenWhenRequestsRaceAndTheNewTokenIsRelayed() {
		// 30 s left is inside the 60 s refresh window: the next API call refreshes.
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofSeconds(30));
		IssuedTokens refreshed = this.provider.answerRefresh(browser.tokens(), Duration.ofMinutes(5));
		String customerId = stubProfile(browser);
		List<Integer> dashboards = Flux.range(0, 4)
			.parallel(4)
			.runOn(Schedulers.boundedElastic())
			.map((i) -> browser.fromApp(HttpMethod.GET, "/api/dashboard")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value())
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(dashboards).containsOnly(200);
		browser.fromApp(HttpMethod.GET, "/api/dashboard").exchange().expectStatus().isOk();
		assertThat(this.provider.refreshRequests(browser.tokens())).isEqualTo(1);
		this.downstreams.verify(getRequestedFor(urlPathEqualTo("/customers/" + customerId)).withHeader("Authorization",
				equalTo("Bearer " + refreshed.accessToken())));
	}

	@Test
	void aFreshTokenIsNotRefreshed() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofMinutes(5));
		stubProfile(browser);
		browser.fromApp(HttpMethod.GET, "/api/dashboard").exchange().expectStatus().isOk();
		browser.fromApp(HttpMethod.GET, "/api/dashboard").exchange().expectStatus().isOk();
		assertThat(this.provider.refreshRequests(browser.tokens())).isZero();
	}

	@Test
	void aRefusedRefreshEndsTheSessionWith401ForTheApiAndALoginRedirectForPages() {
		SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
				Duration.ofSeconds(30));
		this.provider.refuseRefresh(browser.tokens());
		stubProfile(browser);
		browser.fromApp(HttpMethod.GET, "/api/dashboard")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("Location");
		browser.fromApp(HttpMethod.GET, "/bff/user").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/account")
			.cookie(SignedInBrowser.COOKIE_NAME, browser.sessionId())
			.exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("/bff/login?returnTo=/account");
	}

	private String stubProfile(SignedInBrowser browser) {
		String customerId = browser.tokens().user().customerId();
		this.downstreams.stubFor(get("/customers/" + customerId).willReturn(okJson(
				"{\"id\":\"%s\",\"name\":\"Bob\",\"email\":\"b@example.test\",\"tier\":\"gold\",\"memberSince\":\"2021-03-04\"}"
					.formatted(customerId))));
		return customerId;
	}

}
