package dev.bfftemplate.starter.downstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a {@link Downstream} guards its calls with its adaptive {@link ConcurrencyLimit}:
 * permits taken and given back, rejections before the call starts, and which outcomes
 * move the limit.
 */
class ConcurrencyLimitTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final Downstream downstream = downstream(Map.of("bff.downstreams.orders.concurrency.initial-limit", "2",
			"bff.downstreams.orders.concurrency.min-limit", "1", "bff.downstreams.orders.concurrency.max-limit", "2"));

	@Test
	void callOverTheLimitIsRejectedWithoutBeingMade() {
		Disposable first = this.downstream.guard(Mono.never()).subscribe();
		Disposable second = this.downstream.guard(Mono.never()).subscribe();
		PublisherProbe<String> third = PublisherProbe.of(Mono.just("answer"));
		StepVerifier.create(this.downstream.guard(third.mono()))
			.expectError(ConcurrencyLimitExceededException.class)
			.verify(Duration.ofSeconds(5));
		third.assertWasNotSubscribed();
		assertThat(this.meters.get("bff.downstream.rejections").tag("downstream", "orders").counter().count())
			.isEqualTo(1);
		first.dispose();
		second.dispose();
	}

	@Test
	void everyWayACallEndsGivesItsPermitBack() {
		StepVerifier.create(this.downstream.guard(Mono.just("answer"))).expectNext("answer").verifyComplete();
		StepVerifier.create(this.downstream.guard(Mono.error(new IllegalStateException("failed"))))
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(this.downstream.guard(Mono.never())).thenCancel().verify(Duration.ofSeconds(5));
		StepVerifier.create(this.downstream.guard(Mono.empty())).verifyComplete();
		assertThat(this.downstream.concurrencyLimit().inFlight()).isZero();
		assertThat(this.meters.get("bff.downstream.concurrency.in-flight").tag("downstream", "orders").gauge().value())
			.isZero();
	}

	@Test
	void callsInFlightShowInTheGauges() {
		Disposable call = this.downstream.guard(Mono.never()).subscribe();
		assertThat(this.meters.get("bff.downstream.concurrency.in-flight").tag("downstream", "orders").gauge().value())
			.isEqualTo(1);
		assertThat(this.meters.get("bff.downstream.concurrency.limit").tag("downstream", "orders").gauge().value())
			.isEqualTo(2);
		call.dispose();
	}

	@Test
	void timeoutsShrinkTheLimit() {
		StepVerifier.create(this.downstream.guard(Mono.error(new TimeoutException())))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.downstream.concurrencyLimit().limit()).isEqualTo(1);
	}

	@Test
	void overloadAnswersShrinkTheLimit() {
		StepVerifier.create(this.downstream.guard(Mono.error(answer(HttpStatus.SERVICE_UNAVAILABLE))))
			.expectError(WebClientResponseException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.downstream.concurrencyLimit().limit()).isEqualTo(1);
	}

	@Test
	void fastAnswersAndFailuresThatSayNothingAboutLoadKeepTheLimit() {
		StepVerifier.create(this.downstream.guard(Mono.just("answer"))).expectNext("answer").verifyComplete();
		StepVerifier.create(this.downstream.guard(Mono.error(answer(HttpStatus.INTERNAL_SERVER_ERROR))))
			.expectError(WebClientResponseException.class)
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(this.downstream.guard(Mono.error(answer(HttpStatus.NOT_FOUND))))
			.expectError(WebClientResponseException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.downstream.concurrencyLimit().limit()).isEqualTo(2);
	}

	@Test
	void limitGrowsBackWhileCallsAreFastAndTheLimitIsUsed() {
		Downstream downstream = downstream(Map.of("bff.downstreams.orders.concurrency.initial-limit", "2",
				"bff.downstreams.orders.concurrency.min-limit", "1", "bff.downstreams.orders.concurrency.max-limit",
				"3"));
		Disposable held = downstream.guard(Mono.never()).subscribe();
		StepVerifier.create(downstream.guard(Mono.just("answer"))).expectNext("answer").verifyComplete();
		assertThat(downstream.concurrencyLimit().limit()).isEqualTo(3);
		held.dispose();
	}

	private Downstream downstream(Map<String, String> properties) {
		DownstreamsProperties settings = new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("bff",
				DownstreamsProperties.class);
		Downstreams downstreams = new Downstreams(settings, CircuitBreakerRegistry.ofDefaults(),
				new DownstreamMetrics(this.meters), List.of());
		return downstreams.declare("orders");
	}

	private static WebClientResponseException answer(HttpStatus status) {
		return WebClientResponseException.create(status, status.getReasonPhrase(), new HttpHeaders(), new byte[0], null,
				null);
	}

}
