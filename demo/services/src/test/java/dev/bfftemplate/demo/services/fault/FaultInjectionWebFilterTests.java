package dev.bfftemplate.demo.services.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.bfftemplate.demo.services.DemoService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectionWebFilterTests {

	private static final String BODY = "{\"productId\":\"p-001\",\"amount\":\"9.99\"}";

	private final FaultRegistry registry = new FaultRegistry(new FaultInjectionProperties(Map.of()));

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final FaultInjectionWebFilter filter = new FaultInjectionWebFilter(this.registry, this.meterRegistry);

	private final AtomicBoolean handled = new AtomicBoolean();

	private final MockServerWebExchange exchange = MockServerWebExchange
		.from(MockServerHttpRequest.get("/pricing/prices/p-001"));

	private final WebFilterChain chain = (exchange) -> {
		this.handled.set(true);
		return exchange.getResponse()
			.writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(BODY.getBytes(StandardCharsets.UTF_8))));
	};

	@Test
	void withoutFaultsTheRequestIsHandled() {
		StepVerifier.create(this.filter.filter(this.exchange, this.chain)).verifyComplete();
		assertThat(this.handled).isTrue();
	}

	@Test
	void latencyDelaysTheHandler() {
		this.registry.set(DemoService.PRICING, faults().latency(Duration.ofSeconds(2)).build());
		StepVerifier.withVirtualTime(() -> this.filter.filter(this.exchange, this.chain))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.then(() -> assertThat(this.handled).isFalse())
			.thenAwait(Duration.ofMillis(1))
			.verifyComplete();
		assertThat(this.handled).isTrue();
	}

	@Test
	void jitterAddsAtMostItsBoundOnTopOfTheLatency() {
		this.registry.set(DemoService.PRICING,
				faults().latency(Duration.ofSeconds(1)).jitter(Duration.ofSeconds(1)).build());
		StepVerifier.withVirtualTime(() -> this.filter.filter(this.exchange, this.chain))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofSeconds(1))
			.verifyComplete();
		assertThat(this.handled).isTrue();
	}

	@Test
	void errorAnswersWithTheConfiguredStatusAsProblemWithoutCallingTheService() {
		this.registry.set(DemoService.PRICING, faults().errorRate(1).errorStatus(502).build());
		StepVerifier.create(this.filter.filter(this.exchange, this.chain)).verifyComplete();
		assertThat(this.handled).isFalse();
		assertThat(this.exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(this.exchange.getResponse().getHeaders().getContentType())
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.exchange.getResponse().getBodyAsString().block()).contains("\"status\":502");
	}

	@Test
	void hangNeverAnswersAndReleasesItsCountWhenCancelled() {
		this.registry.set(DemoService.PRICING, faults().hangRate(1).build());
		StepVerifier.withVirtualTime(() -> this.filter.filter(this.exchange, this.chain))
			.expectSubscription()
			.expectNoEvent(Duration.ofHours(1))
			.then(() -> assertThat(hangingRequests()).isEqualTo(1))
			.thenCancel()
			.verify();
		assertThat(hangingRequests()).isZero();
		assertThat(this.handled).isFalse();
	}

	@Test
	void malformedBodyIsTheFirstHalfOfTheRealOne() {
		this.registry.set(DemoService.PRICING, faults().malformedRate(1).build());
		StepVerifier.create(this.filter.filter(this.exchange, this.chain)).verifyComplete();
		String body = this.exchange.getResponse().getBodyAsString().block();
		assertThat(body).isEqualTo(BODY.substring(0, BODY.length() / 2));
		assertThat(this.exchange.getResponse().getHeaders().getContentLength()).isEqualTo(body.length());
	}

	@Test
	void faultsOfOneServiceLeaveOtherPathsAlone() {
		this.registry.set(DemoService.CATALOG, faults().errorRate(1).build());
		StepVerifier.create(this.filter.filter(this.exchange, this.chain)).verifyComplete();
		assertThat(this.handled).isTrue();
		MockServerWebExchange probe = MockServerWebExchange.from(MockServerHttpRequest.get("/livez"));
		this.handled.set(false);
		StepVerifier.create(this.filter.filter(probe, this.chain)).verifyComplete();
		assertThat(this.handled).isTrue();
	}

	private double hangingRequests() {
		return this.meterRegistry.get("demo.faults.hanging.requests").gauge().value();
	}

	private static FaultsBuilder faults() {
		return new FaultsBuilder();
	}

	/**
	 * Builds {@link FaultSettings} naming only the faults a test switches on.
	 */
	private static final class FaultsBuilder {

		private Duration latency = Duration.ZERO;

		private Duration jitter = Duration.ZERO;

		private double errorRate;

		private int errorStatus = 503;

		private double hangRate;

		private double malformedRate;

		FaultsBuilder latency(Duration latency) {
			this.latency = latency;
			return this;
		}

		FaultsBuilder jitter(Duration jitter) {
			this.jitter = jitter;
			return this;
		}

		FaultsBuilder errorRate(double errorRate) {
			this.errorRate = errorRate;
			return this;
		}

		FaultsBuilder errorStatus(int errorStatus) {
			this.errorStatus = errorStatus;
			return this;
		}

		FaultsBuilder hangRate(double hangRate) {
			this.hangRate = hangRate;
			return this;
		}

		FaultsBuilder malformedRate(double malformedRate) {
			this.malformedRate = malformedRate;
			return this;
		}

		FaultSettings build() {
			return new FaultSettings(this.latency, this.jitter, this.errorRate, this.errorStatus, this.hangRate, 0,
					this.malformedRate);
		}

	}

}
