package dev.bfftemplate.partner.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.partner.testing.ContractValidation;
import dev.bfftemplate.partner.testing.PartnerTestEnvironment;
import dev.bfftemplate.partner.testing.StandInDownstreams;
import dev.bfftemplate.partner.testing.TestClock;
import dev.bfftemplate.partner.testing.TestPartners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The partner API against a Redis of its own, which the test stops and starts again by
 * its process: while Redis is away the API fails closed (503, never an unmetered
 * request), and it recovers by itself when Redis is back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = PartnerTestEnvironment.class)
@Import({ ContractValidation.class, TestClock.Configuration.class })
class RedisOutageTests {

	private static final String LOOPBACK = "127.0.0.1";

	private static final int PORT = freePort();

	private static Process redis = startRedis();

	private static final WireMockServer services = StandInDownstreams.shared();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> LOOPBACK);
		registry.add("spring.data.redis.port", () -> PORT);
	}

	@AfterAll
	static void stopRedis() throws InterruptedException {
		redis.destroy();
		redis.waitFor();
	}

	@Test
	void apiFailsClosedWhileRedisIsAwayAndRecoversByItself() throws InterruptedException {
		services.stubFor(get(urlPathMatching("/orders/partners/acme"))
			.willReturn(okJson("{\"items\":[],\"page\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}")));
		orders().expectStatus().isOk();
		redis.destroy();
		assertThat(redis.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		orders().expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("service-unavailable");
		redis = startRedis();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> orders().returnResult(String.class).getStatus().value() == 200);
	}

	private WebTestClient.ResponseSpec orders() {
		return this.client.get().uri("/partner/v1/orders").header("X-API-Key", TestPartners.ACME_KEY).exchange();
	}

	private static Process startRedis() {
		List<String> command = List.of("redis-server", "--port", Integer.toString(PORT), "--bind", LOOPBACK, "--save",
				"", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Files.createTempFile("partner-outage-redis-", ".log").toFile())
				.start();
			// Stopped by its own process handle, never by name, also when the JVM ends
			// early.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "outage-redis-stop"));
			// Polled in this thread: the first start runs in this class's static
			// initializer.
			await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> answers(process));
			return process;
		}
		catch (IOException ex) {
			throw new IllegalStateException("RedisOutageTests needs a redis-server binary on the PATH "
					+ "(Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis)", ex);
		}
	}

	private static boolean answers(Process process) {
		if (!process.isAlive()) {
			throw new IllegalStateException("redis-server exited with " + process.exitValue());
		}
		try (Socket socket = new Socket(LOOPBACK, PORT)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
