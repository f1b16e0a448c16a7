package dev.bfftemplate.web.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.web.testing.AnotherWebBff;
import dev.bfftemplate.web.testing.DemoUser;
import dev.bfftemplate.web.testing.IssuedTokens;
import dev.bfftemplate.web.testing.SignedInBrowser;
import dev.bfftemplate.web.testing.StandInDownstreams;
import dev.bfftemplate.web.testing.StandInProvider;
import dev.bfftemplate.web.testing.WebBffTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing one Redis, both serving one session whose access token is about
 * to expire, at the same moment: the token endpoint is called once (a lease in Redis per
 * session), every request is answered with the new token, and the session id stays.
 */
@WebBffTest
class TokenRefreshAcrossInstancesTests {

	private static final int REQUESTS_PER_INSTANCE = 3;

	private final WireMockServer downstreams = StandInDownstreams.shared();

	private final StandInProvider provider = StandInProvider.shared();

	@Autowired
	private WebTestClient client;

	@Test
	void twoInstancesRacingOnOneExpiringSessionRefreshItOnce(RedisEndpoint redis) {
		try (ConfigurableApplicationContext other = AnotherWebBff.start(redis.host(), redis.port(), Map.of())) {
			WebTestClient otherClient = AnotherWebBff.client(other);
			// 30 s left is inside the 60 s refresh window: the next API call refreshes.
			SignedInBrowser browser = SignedInBrowser.signIn(this.client, DemoUser.withOwnCustomer(),
					Duration.ofSeconds(30));
			IssuedTokens refreshed = this.provider.answerRefresh(browser.tokens(), Duration.ofMinutes(5));
			String customerId = browser.tokens().user().customerId();
			this.downstreams.stubFor(get("/customers/" + customerId).willReturn(okJson(
					"{\"id\":\"%s\",\"name\":\"Bob\",\"email\":\"b@example.test\",\"tier\":\"gold\",\"memberSince\":\"2021-03-04\"}"
						.formatted(customerId))));
			List<EntityExchangeResult<String>> answers = Flux.range(0, 2 * REQUESTS_PER_INSTANCE)
				.parallel(2 * REQUESTS_PER_INSTANCE)
				.runOn(Schedulers.boundedElastic())
				.map((i) -> browser
					.fromAppVia((i % 2 == 0) ? this.client : otherClient, HttpMethod.GET, "/api/dashboard")
					.exchange()
					.expectBody(String.class)
					.returnResult())
				.sequential()
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(answers).extracting((answer) -> answer.getStatus().value()).containsOnly(200);
			// The refresh does not rotate the session id: no new cookie.
			assertThat(answers)
				.allSatisfy((answer) -> assertThat(answer.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull());
			assertThat(this.provider.refreshRequests(browser.tokens())).isEqualTo(1);
			this.downstreams.verify(2 * REQUESTS_PER_INSTANCE,
					getRequestedFor(urlPathEqualTo("/customers/" + customerId)).withHeader("Authorization",
							equalTo("Bearer " + refreshed.accessToken())));
		}
	}

}
