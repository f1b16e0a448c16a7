package dev.bfftemplate.edge.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bfftemplate.edge.EdgeTestEnvironment;
import dev.bfftemplate.edge.StandaloneGateway;
import dev.bfftemplate.test.redis.DedicatedRedis;
import io.lettuce.core.event.connection.ReconnectAttemptEvent;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away and comes back on the same port: the edge counts in Redis again within
 * 2 s (Lettuce's reconnect back-off is capped at
 * {@code edge.rate-limit.reconnect-interval}, 1 s), and the outage is logged once, not
 * once per request.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisRecoveryTests {

	// Lettuce's default back-off doubles from 1 ms up to 30 s: its 14th attempt waits 8 s
	private static final int LONG_OUTAGE_ATTEMPTS = 14;

	private static final Duration RECOVERY = Duration.ofSeconds(5);

	@Test
	void edgeCountsInRedisAgainSoonAfterRedisComesBackAndLogsTheOutageOnce(CapturedOutput output) throws Exception {
		EdgeTestEnvironment.reset();
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		DedicatedRedis redis = DedicatedRedis.start();
		// About timing: a request caught by the reconnect fails open within the
		// recovery budget, not the patient test timeout (2 s: more than production's
		// 250 ms, for a loaded build machine).
		ConfigurableApplicationContext gateway = StandaloneGateway.start("spring.data.redis.url=" + redis.url(),
				"spring.data.redis.timeout=2s", "spring.data.redis.connect-timeout=2s",
				"edge.rate-limit.policies.partner.limit=100000");
		AtomicInteger reconnectAttempts = new AtomicInteger();
		int logBeforeOutage = 0;
		Disposable events = gateway.getBean(ClientResources.class)
			.eventBus()
			.get()
			.ofType(ReconnectAttemptEvent.class)
			.subscribe((event) -> reconnectAttempts.accumulateAndGet(event.getAttempt(), Math::max));
		try {
			WebTestClient client = EdgeTestEnvironment.client(StandaloneGateway.port(gateway));
			// the first connection is not what this test measures: a loaded build machine
			// may take long to make it. The partner window is 1 s: a counter may expire
			// before such a machine reads it, hence both in one condition.
			await("rate limits counted in Redis").atMost(Duration.ofSeconds(30))
				.until(() -> countedInRedis(client) && redis.keys() > 0);
			logBeforeOutage = output.getOut().length();

			redis.stop();
			await("requests answered without Redis").until(() -> !countedInRedis(client));
			await("Lettuce's reconnect attempt " + LONG_OUTAGE_ATTEMPTS).atMost(Duration.ofSeconds(30))
				.until(() -> reconnectAttempts.get() >= LONG_OUTAGE_ATTEMPTS);
			for (int i = 0; i < 20; i++) {
				assertThat(countedInRedis(client)).isFalse();
			}

			redis.restart();
			long back = System.nanoTime();
			await("rate limits counted in the restarted Redis").atMost(RECOVERY)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> countedInRedis(client));
			System.out.println("Edge counted in Redis again " + Duration.ofNanos(System.nanoTime() - back).toMillis()
					+ " ms after Redis answered");
			await("counters in the restarted Redis").atMost(RECOVERY)
				.until(() -> countedInRedis(client) && redis.keys() > 0);
			assertThat(gateway.getBean(MeterRegistry.class)
				.get("edge.rate-limit.decisions")
				.tag("policy", "partner")
				.tag("outcome", "store-failure-allowed")
				.counter()
				.count()).isGreaterThanOrEqualTo(21);
		}
		finally {
			events.dispose();
			gateway.close();
			redis.close();
		}
		String outageLog = output.getOut().substring(logBeforeOutage);
		assertThat(outageLog.split("Rate limit store failed", -1)).hasSize(2);
		assertThat(outageLog.split("Rate limit store answers again", -1)).hasSize(2);
	}

	// the RateLimit field comes only with a count from the store; a request let through
	// because the store failed has none
	private static boolean countedInRedis(WebTestClient client) {
		HttpHeaders headers = client.get()
			.uri("/partner/v1/products")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Void.class)
			.getResponseHeaders();
		return headers.containsHeader("RateLimit");
	}

}
