package dev.bfftemplate.starter.tokenhandler.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import dev.bfftemplate.starter.autoconfigure.RedisStartupAutoConfiguration;

import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;
import dev.bfftemplate.test.redis.DedicatedRedis;
import dev.bfftemplate.test.redis.RedisEndpoint;
import dev.bfftemplate.test.redis.WithRealRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@WithRealRedis
@ExtendWith(OutputCaptureExtension.class)
class SessionStoreConfigurationTests {

	private static final String KEY = "bff.token-handler.session.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, RedisStartupAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
				SessionAutoConfiguration.class, SessionDataRedisAutoConfiguration.class))
		.withBean(ServerProperties.class, ServerProperties::new)
		.withBean(ProblemResponses.class, () -> new ProblemResponses(JsonMapper.shared()))
		.withPropertyValues("bff.token-handler.public-base-url=http://localhost:8080",
				"bff.token-handler.tokens.registration-id=test")
		.withUserConfiguration(TokenHandlerPropertiesConfiguration.class, TokenHandlerSessionConfiguration.class);

	@Test
	void withoutRedisSessionsAreKeptInMemoryAndTheLogSaysSo(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveSessionRepository.class);
			assertThat(context).getBean(ReactiveSessionRepository.class)
				.isInstanceOfSatisfying(WriteOnChangeSessionRepository.class,
						(repository) -> assertThat(repository.delegate())
							.isInstanceOf(ReactiveMapSessionRepository.class));
			assertThat(context).getBean(OidcSessionIndex.class).isInstanceOf(InMemoryOidcSessionIndex.class);
			assertThat(output).contains("sessions are kept in memory");
		});
	}

	@Test
	void aTouchIntervalNotShorterThanTheIdleTimeoutRefusesToStart() {
		this.runner
			.withPropertyValues("server.reactive.session.timeout=1m", "bff.token-handler.session.touch-interval=1m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("must be at least 0 and shorter than server.reactive.session.timeout"));
	}

	@Test
	void withRedisSessionsAreStoredThereEncrypted(RedisEndpoint redis) {
		this.runner.withPropertyValues(redisProperties(redis)).withPropertyValues(KEY).run((context) -> {
			assertThat(context).getBean(ReactiveSessionRepository.class)
				.isInstanceOfSatisfying(WriteOnChangeSessionRepository.class,
						(repository) -> assertThat(repository.delegate()).isInstanceOfSatisfying(
								ConnectedOnlySessionRepository.class,
								(connectedOnly) -> assertThat(connectedOnly.delegate())
									.isInstanceOf(ReactiveRedisSessionRepository.class)));
			assertThat(context).getBean("springSessionDefaultRedisSerializer", RedisSerializer.class)
				.isInstanceOf(EncryptingRedisSerializer.class);
			assertThat(context).getBean(OidcSessionIndex.class).isInstanceOf(RedisOidcSessionIndex.class);
		});
	}

	@Test
	void withRedisButNoEncryptionKeyTheApplicationRefusesToStart(RedisEndpoint redis) {
		this.runner.withPropertyValues(redisProperties(redis))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bff.token-handler.session.encryption-key (or encryption-keys) is required"));
	}

	@Test
	void withBothOneKeyAndSeveralKeysTheApplicationRefusesToStart(RedisEndpoint redis) {
		this.runner.withPropertyValues(redisProperties(redis))
			.withPropertyValues(KEY,
					"bff.token-handler.session.encryption-keys=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("not both"));
	}

	@Test
	void withRedisTheConnectionIsOpenBeforeTheFirstRequest(RedisEndpoint redis) {
		String clientName = "token-handler-" + UUID.randomUUID();
		this.runner.withPropertyValues(redisProperties(redis))
			.withPropertyValues(KEY, "spring.data.redis.client-name=" + clientName)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(clientList(redis)).contains("name=" + clientName);
			});
	}

	@Test
	void withRedisUnreachableAtStartTheApplicationStartsNotReadyAndServesSessionsOnceRedisAnswers(
			CapturedOutput output) {
		try (DedicatedRedis redis = DedicatedRedis.start()) {
			// its port is closed now, and stays free for the same server to come back on
			redis.stop();
			this.runner
				.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(), KEY,
						"spring.data.redis.connect-timeout=500ms", "bff.redis.startup.initial-backoff=50ms",
						"bff.redis.startup.max-backoff=200ms")
				.withBean("webHandler", WebHandler.class, () -> SessionStoreConfigurationTests::countVisits)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					// what SpringApplication publishes once started; only Redis is
					// missing
					AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
					HealthIndicator readiness = context.getBean("readinessStateHealthIndicator", HealthIndicator.class);
					assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
					WebTestClient client = WebTestClient.bindToApplicationContext(context)
						.configureClient()
						.responseTimeout(Duration.ofSeconds(20))
						.build();

					client.get()
						.uri("/visits")
						.cookie("SESSION", "a-session-made-before-this-instance-started")
						.exchange()
						.expectStatus()
						.isEqualTo(503)
						.expectHeader()
						.valueEquals(HttpHeaders.RETRY_AFTER, "2")
						.expectHeader()
						.contentType(MediaType.APPLICATION_PROBLEM_JSON)
						.expectBody()
						.jsonPath("$.type")
						.isEqualTo("/problems/sessions-unavailable");
					// refused by the store without trying to connect from the request's
					// thread
					assertThat(output).contains("answered 503 to GET /visits: "
							+ "org.springframework.data.redis.RedisConnectionFailureException: Not connected to Redis yet");

					redis.restart();
					await("readiness UP once redis-server listens on port " + redis.port())
						.atMost(Duration.ofSeconds(30))
						.until(() -> Status.UP.equals(readiness.health().getStatus()));
					String cookie = client.get()
						.uri("/visits")
						.exchange()
						.expectStatus()
						.isOk()
						.expectBody(String.class)
						.isEqualTo("1")
						.returnResult()
						.getResponseCookies()
						.getFirst("SESSION")
						.getValue();
					client.get()
						.uri("/visits")
						.cookie("SESSION", cookie)
						.exchange()
						.expectStatus()
						.isOk()
						.expectBody(String.class)
						.isEqualTo("2");
					assertThat(redis.keys()).isPositive();
				});
		}
	}

	private static Mono<Void> countVisits(ServerWebExchange exchange) {
		return exchange.getSession().flatMap((session) -> {
			Integer visits = (Integer) session.getAttributes().merge("visits", 1, (a, b) -> (Integer) a + (Integer) b);
			DataBuffer body = exchange.getResponse()
				.bufferFactory()
				.wrap(String.valueOf(visits).getBytes(StandardCharsets.UTF_8));
			return exchange.getResponse().writeWith(Mono.just(body));
		});
	}

	private static String clientList(RedisEndpoint redis) {
		RedisClient client = RedisClient.create(redis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().clientList();
		}
		finally {
			client.shutdown();
		}
	}

	private static String[] redisProperties(RedisEndpoint redis) {
		return new String[] { "spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port() };
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TokenHandlerProperties.class)
	static class TokenHandlerPropertiesConfiguration {

	}

}
