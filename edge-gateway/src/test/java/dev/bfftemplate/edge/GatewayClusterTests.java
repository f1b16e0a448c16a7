package dev.bfftemplate.edge;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.bfftemplate.test.redis.RealRedis;
import dev.bfftemplate.test.redis.RedisEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.bfftemplate.edge.EdgeTestEnvironment.PARTNER;
import static dev.bfftemplate.edge.EdgeTestEnvironment.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several gateway instances started as separate applications: two sharing one real Redis,
 * one whose Redis is down, one whose Redis accepts connections and never answers. No
 * proxy is trusted here, and the web route has a 20% canary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayClusterTests {

	private static final int PARTNER_LIMIT = 5;

	private static final Duration SILENT_REDIS_TIMEOUT = Duration.ofSeconds(6);

	private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	private static WireMockCanary canary;

	private static WebTestClient first;

	private static WebTestClient second;

	private static WebTestClient redisDown;

	private static ServerSocket silentRedis;

	private static WebTestClient redisSilent;

	@BeforeAll
	static void startGateways() throws Exception {
		canary = new WireMockCanary();
		RedisEndpoint redis = RealRedis.endpoint();
		String redisUrl = "spring.data.redis.url=" + redis.url();
		String keyPrefix = "edge.rate-limit.key-prefix=" + UUID.randomUUID() + ":";
		first = client(start(redisUrl, keyPrefix));
		second = client(start(redisUrl, keyPrefix));
		redisDown = client(start("spring.data.redis.url=redis://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort()));
		// accepts connections (the kernel does, into the backlog) and never answers
		silentRedis = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		redisSilent = client(start("spring.data.redis.url=redis://127.0.0.1:" + silentRedis.getLocalPort(),
				"spring.data.redis.timeout=" + SILENT_REDIS_TIMEOUT.toMillis() + "ms",
				"spring.data.redis.connect-timeout=" + SILENT_REDIS_TIMEOUT.toMillis() + "ms"))
			.mutate()
			.responseTimeout(SILENT_REDIS_TIMEOUT.dividedBy(2))
			.build();
	}

	@AfterAll
	static void stopGateways() throws Exception {
		gateways.forEach(ConfigurableApplicationContext::close);
		canary.stop();
		silentRedis.close();
	}

	@BeforeEach
	void stubBffs() {
		EdgeTestEnvironment.reset();
		canary.reset();
		PARTNER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
		WEB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
	}

	@Test
	@Order(1)
	void instancesSharingRedisShareOneLimit() {
		int allowed = 0;
		for (int i = 0; i < 2 * PARTNER_LIMIT; i++) {
			WebTestClient gateway = (i % 2 == 0) ? first : second;
			HttpStatus status = HttpStatus
				.valueOf(callPartner(gateway, "shared").returnResult(Void.class).getStatus().value());
			if (status == HttpStatus.OK) {
				allowed++;
			}
			else {
				assertThat(status).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			}
		}
		assertThat(allowed).isEqualTo(PARTNER_LIMIT);
	}

	@Test
	@Order(2)
	void forwardedForFromAnUntrustedClientDoesNotGiveAFreshBucket() {
		// the loopback bucket is full from the test before: a spoofed address must not
		// get a fresh one
		callPartner(first, "203.0.113.1").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		callPartner(second, "203.0.113.77").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	@Order(3)
	void partnerApiKeyHasItsOwnBucketEvenWhenTheAddressBucketIsFull() {
		callPartner(first, "203.0.113.2").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		first.get()
			.uri("/partner/v1/products")
			.header("X-API-Key", UUID.randomUUID().toString())
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void redisDownFailsOpenByDefault() {
		for (int i = 0; i < 2 * PARTNER_LIMIT; i++) {
			callPartner(redisDown, "any").expectStatus().isOk();
		}
		assertThat(PARTNER.findAll(anyRequestedFor(anyUrl()))).hasSize(2 * PARTNER_LIMIT);
	}

	@Test
	void redisThatNeverAnswersDoesNotHoldUpRequests() {
		// Opening the connection on a request would block its event loop until the Redis
		// timeout, longer than this client waits: the edge must answer without Redis.
		for (int i = 0; i < 2 * PARTNER_LIMIT; i++) {
			callPartner(redisSilent, "any").expectStatus().isOk();
		}
		assertThat(PARTNER.findAll(anyRequestedFor(anyUrl()))).hasSize(2 * PARTNER_LIMIT);
	}

	@Test
	void canaryTakesItsShareOfWebTraffic() {
		int requests = 300;
		for (int i = 0; i < requests; i++) {
			first.get().uri("/api/dashboard").exchange().expectStatus().isOk();
		}
		int toCanary = canary.requests();
		int toStable = WEB.findAll(anyRequestedFor(anyUrl())).size();
		assertThat(toCanary + toStable).isEqualTo(requests);
		// 20% of 300 = 60; +-25 is more than 3.5 standard deviations
		assertThat(toCanary).isBetween(35, 85);
	}

	private WebTestClient.ResponseSpec callPartner(WebTestClient gateway, String forwardedFor) {
		return gateway.get().uri("/partner/v1/products").header("X-Forwarded-For", forwardedFor).exchange();
	}

	private static ConfigurableApplicationContext start(String... extra) {
		// the extra properties replace the ones here (StandaloneGateway keeps the last)
		ConfigurableApplicationContext context = StandaloneGateway
			.start(Stream.concat(Stream.of("edge.rate-limit.policies.partner.limit=" + PARTNER_LIMIT,
					"edge.rate-limit.policies.partner.window=1m", "edge.rate-limit.policies.web.limit=10000",
					"edge.canary.web.uri=" + canary.baseUrl(), "edge.canary.web.weight=20",
					"edge.canary.web.stable-weight=80"), Stream.of(extra))
				.toArray(String[]::new));
		gateways.add(context);
		return context;
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		return EdgeTestEnvironment.client(StandaloneGateway.port(context));
	}

}
