package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import dev.bfftemplate.starter.SampleBffApplication.Item;
import dev.bfftemplate.starter.SampleBffApplication.ItemClient;
import dev.bfftemplate.starter.SampleBffTest;
import dev.bfftemplate.starter.SampleDownstreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each way a downstream call fails, under each policy, against WireMock downstreams.
 */
@SampleBffTest
class FanOutFailureModesTests {

	private final WireMockServer downstreams = SampleDownstreams.server();

	private final List<Disposable> inFlight = new ArrayList<>();

	private Part<Item> part;

	@Autowired
	private FanOut fanOut;

	@Autowired
	private HttpServiceProxyRegistry clients;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@BeforeEach
	void reset() {
		this.downstreams.resetAll();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@AfterEach
	void cancelCallsInFlight() {
		this.inFlight.forEach(Disposable::dispose);
	}

	@ParameterizedTest
	@EnumSource
	void optionalPartIsNullWithWarningSayingWhy(FailureMode mode) {
		mode.arrange(this);
		Parts parts = run(mode, Policy.OPTIONAL);
		assertThat(parts.find(this.part)).isEmpty();
		assertThat(parts.warnings())
			.containsExactly(new Warning(mode.downstream + "-unavailable", mode.downstream, mode.reason));
		mode.verify(this);
	}

	@ParameterizedTest
	@EnumSource
	void omittedPartIsLeftOutWithWarningSayingWhy(FailureMode mode) {
		mode.arrange(this);
		Parts parts = run(mode, Policy.OMIT);
		assertThat(parts.find(this.part)).isEmpty();
		assertThat(parts.warnings())
			.containsExactly(new Warning(mode.downstream + "-omitted", mode.downstream, mode.reason));
	}

	@ParameterizedTest
	@EnumSource
	void staleOkPartWithoutLastGoodValueIsUnavailable(FailureMode mode) {
		mode.arrange(this);
		Parts parts = run(mode, Policy.STALE_OK);
		assertThat(parts.find(this.part)).isEmpty();
		assertThat(parts.warnings())
			.containsExactly(new Warning(mode.downstream + "-unavailable", mode.downstream, mode.reason));
	}

	@ParameterizedTest
	@EnumSource
	void requiredPartFailsTheResponseWithMatchingStatus(FailureMode mode) {
		mode.arrange(this);
		assertThatExceptionOfType(DependencyFailureException.class).isThrownBy(() -> run(mode, Policy.REQUIRED))
			.satisfies((failure) -> {
				assertThat(failure.getStatusCode()).isEqualTo(mode.status);
				assertThat(failure.getDependency()).isEqualTo(mode.downstream);
				assertThat(failure.getReason()).isEqualTo(mode.reason);
				assertThat(failure.getBody().getProperties()).containsEntry("reason", mode.reason.value());
			});
	}

	@Test
	void staleOkServesLastGoodValueAfterFailure() {
		stubItem("catalog", "s1", "Lamp");
		assertThat(runStaleOk("s1", "alice").warnings()).isEmpty();
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/s1")).willReturn(aResponse().withStatus(503)));
		Parts parts = runStaleOk("s1", "alice");
		assertThat(parts.get(this.part)).isEqualTo(new Item("s1", "Lamp"));
		assertThat(parts.warnings()).containsExactly(new Warning("catalog-stale", "catalog", Reason.STALE));
	}

	@Test
	void staleOkNeverServesTheValueOfAnotherKey() {
		stubItem("catalog", "s2", "Lamp");
		runStaleOk("s2", "alice");
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/s3")).willReturn(aResponse().withStatus(503)));
		Parts parts = runStaleOk("s3", "alice");
		assertThat(parts.find(this.part)).isEmpty();
		assertThat(parts.warnings()).containsExactly(new Warning("catalog-unavailable", "catalog", Reason.ERROR));
	}

	@Test
	void staleOkNeverServesOneCallersValueToAnother() {
		stubItem("catalog", "s4", "Alice's basket");
		runStaleOk("s4", "alice");
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/s4")).willReturn(aResponse().withStatus(503)));
		Parts parts = runStaleOk("s4", "bob");
		assertThat(parts.find(this.part)).isEmpty();
		assertThat(parts.warnings()).containsExactly(new Warning("catalog-unavailable", "catalog", Reason.ERROR));
	}

	@Test
	void staleOkCachesNothingForAnAnonymousCallerWhenTokensAreRelayed() {
		stubItem("catalog", "s5", "Lamp");
		runStaleOk("s5", null);
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/s5")).willReturn(aResponse().withStatus(503)));
		Parts parts = runStaleOk("s5", null);
		assertThat(parts.find(this.part)).isEmpty();
	}

	@Test
	void notFoundIsDataNotAnOutage() {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/gone")).willReturn(aResponse().withStatus(404)));
		FanOutRequest request = this.fanOut.request();
		Part<Item> gone = request.call("catalog", client("catalog").item("gone")).optional();
		Parts parts = request.assemble((values) -> values).block();
		assertThat(parts.find(gone)).isEmpty();
		assertThat(parts.complete()).isTrue();
	}

	@Test
	void requiredNotFoundIsNotFoundProblem() {
		this.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/gone")).willReturn(aResponse().withStatus(404)));
		FanOutRequest request = this.fanOut.request();
		request.call("catalog", client("catalog").item("gone")).required();
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> request.assemble((values) -> values).block())
			.satisfies((failure) -> assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	private Parts run(FailureMode mode, Policy policy) {
		FanOutRequest request = this.fanOut.request();
		this.part = request.call(mode.downstream, client(mode.downstream).item(mode.id)).timeout(mode.timeout);
		if (policy == Policy.STALE_OK) {
			this.part.staleOk(mode.id);
		}
		else {
			this.part.policy(policy);
		}
		return request.assemble((parts) -> parts).block(Duration.ofSeconds(10));
	}

	private Parts runStaleOk(String id, @Nullable String caller) {
		FanOutRequest request = this.fanOut.request();
		this.part = request.call("catalog", client("catalog").item(id)).staleOk(id);
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		ServerWebExchange callersExchange = (caller != null)
				? exchange.mutate().principal(Mono.just(() -> caller)).build() : exchange;
		return request.assemble((parts) -> parts)
			.contextWrite(Context.of(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, callersExchange))
			.block(Duration.ofSeconds(10));
	}

	private ItemClient client(String downstream) {
		return this.clients.getClient(downstream, ItemClient.class);
	}

	private void stubItem(String downstream, String id, String name) {
		this.downstreams.stubFor(get(urlPathEqualTo("/" + downstream + "/items/" + id))
			.willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")));
	}

	enum FailureMode {

		TIMEOUT("catalog", Reason.TIMEOUT, HttpStatus.GATEWAY_TIMEOUT, Duration.ofMillis(300)) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams.stubFor(
						get(urlPathEqualTo("/catalog/items/" + this.id)).willReturn(okJson("{}").withFixedDelay(3000)));
			}
		},

		SERVER_ERROR("catalog", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id))
					.willReturn(aResponse().withStatus(500).withBody("stack trace of db-1.internal")));
			}
		},

		UNEXPECTED_CLIENT_ERROR("catalog", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams
					.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id)).willReturn(aResponse().withStatus(400)));
			}
		},

		REDIRECT("catalog", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id))
					.willReturn(aResponse().withStatus(302).withHeader("Location", "/catalog/items/elsewhere")));
				test.downstreams.stubFor(
						get(urlPathEqualTo("/catalog/items/elsewhere")).willReturn(okJson("{\"id\":\"elsewhere\"}")));
			}

			@Override
			void verify(FanOutFailureModesTests test) {
				test.downstreams.verify(0, getRequestedFor(urlPathEqualTo("/catalog/items/elsewhere")));
			}
		},

		CONNECTION_REFUSED("refused", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
			}
		},

		CONNECTION_RESET("catalog", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id))
					.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
			}
		},

		MALFORMED_RESPONSE_CHUNK("catalog", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id))
					.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
			}
		},

		MALFORMED_JSON("catalog", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams
					.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id)).willReturn(okJson("{\"id\": \"x\", ")));
			}
		},

		BODY_TOO_LARGE("small", Reason.ERROR, HttpStatus.BAD_GATEWAY) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				String name = "x".repeat(2048);
				test.downstreams.stubFor(get(urlPathEqualTo("/small/items/" + this.id))
					.willReturn(okJson("{\"id\":\"" + this.id + "\",\"name\":\"" + name + "\"}")));
			}
		},

		CIRCUIT_OPEN("catalog", Reason.CIRCUIT_OPEN, HttpStatus.SERVICE_UNAVAILABLE) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams
					.stubFor(get(urlPathEqualTo("/catalog/items/" + this.id)).willReturn(okJson("{\"id\":\"x\"}")));
				test.circuitBreakers.circuitBreaker("catalog").transitionToOpenState();
			}

			@Override
			void verify(FanOutFailureModesTests test) {
				test.downstreams.verify(0, getRequestedFor(urlPathEqualTo("/catalog/items/" + this.id)));
			}
		},

		CONCURRENCY_LIMIT_REACHED("limited", Reason.REJECTED, HttpStatus.SERVICE_UNAVAILABLE) {
			@Override
			void arrange(FanOutFailureModesTests test) {
				test.downstreams.stubFor(get(urlPathEqualTo("/limited/items/slow"))
					.willReturn(okJson("{\"id\":\"slow\"}").withFixedDelay(5000)));
				FanOutRequest holder = test.fanOut.request(Duration.ofSeconds(10));
				holder.call("limited", test.client("limited").item("slow")).optional();
				test.inFlight.add(holder.assemble((parts) -> parts).subscribe());
				test.awaitRequest("/limited/items/slow");
			}
		};

		final String downstream;

		final Reason reason;

		final HttpStatus status;

		final Duration timeout;

		final String id = name().toLowerCase(Locale.ROOT);

		FailureMode(String downstream, Reason reason, HttpStatus status) {
			this(downstream, reason, status, Duration.ofSeconds(3));
		}

		FailureMode(String downstream, Reason reason, HttpStatus status, Duration timeout) {
			this.downstream = downstream;
			this.reason = reason;
			this.status = status;
			this.timeout = timeout;
		}

		abstract void arrange(FanOutFailureModesTests test);

		void verify(FanOutFailureModesTests test) {
		}

	}

	private void awaitRequest(String path) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> !this.downstreams.findAll(getRequestedFor(urlPathEqualTo(path))).isEmpty());
	}

}
