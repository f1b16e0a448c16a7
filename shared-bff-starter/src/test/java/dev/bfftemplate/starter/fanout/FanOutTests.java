package dev.bfftemplate.starter.fanout;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;

import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fan-out without a server: reactive sources and virtual time.
 */
class FanOutTests {

	private final FanOut fanOut = FanOut.withDefaults();

	@Test
	void latencyFollowsTheSlowestCallNotTheSum() {
		StepVerifier.withVirtualTime(() -> {
			FanOutRequest request = this.fanOut.request();
			Part<String> a = request.call("a", delayed("a", 100)).required();
			Part<String> b = request.call("b", delayed("b", 200)).required();
			Part<String> c = request.call("c", delayed("c", 300)).required();
			return request.assemble((parts) -> parts.get(a) + parts.get(b) + parts.get(c));
		})
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(299))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("abc")
			.verifyComplete();
	}

	@Test
	void deadlineCancelsCallsInFlightAndAssemblesWhatArrived() {
		PublisherProbe<String> slow = PublisherProbe.of(Mono.never());
		StepVerifier.withVirtualTime(() -> {
			FanOutRequest request = this.fanOut.request(Duration.ofMillis(500));
			Part<String> fast = request.call("fast", delayed("fast", 100)).required();
			request.call("slow", slow.mono()).optional();
			return request.assemble((parts) -> parts.get(fast) + " " + parts.warnings());
		})
			.expectSubscription()
			// The deadline is on the real clock while delays are virtual: leave it a
			// margin
			.expectNoEvent(Duration.ofMillis(400))
			.thenAwait(Duration.ofMillis(100))
			.expectNext("fast [Warning[code=slow-unavailable, dependency=slow, reason=timeout]]")
			.verifyComplete();
		slow.assertWasCancelled();
	}

	@Test
	void partTimeoutIsShorterThanTheDeadline() {
		StepVerifier.withVirtualTime(() -> {
			FanOutRequest request = this.fanOut.request(Duration.ofSeconds(5));
			request.call("slow", Mono.<String>never()).optional().timeout(Duration.ofMillis(200));
			return request.assemble(Parts::warnings);
		})
			.expectSubscription()
			.thenAwait(Duration.ofMillis(200))
			.assertNext((warnings) -> assertThat(warnings).extracting(Warning::reason).containsExactly(Reason.TIMEOUT))
			.verifyComplete();
	}

	@Test
	void cancellingTheResponseCancelsEveryCall() {
		PublisherProbe<String> first = PublisherProbe.of(Mono.never());
		PublisherProbe<String> second = PublisherProbe.of(Mono.never());
		FanOutRequest request = this.fanOut.request();
		request.call("first", first.mono()).required();
		request.call("second", second.mono()).optional();
		StepVerifier.create(request.assemble((parts) -> parts))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.thenCancel()
			.verify();
		first.assertWasCancelled();
		second.assertWasCancelled();
	}

	@Test
	void requiredFailureFailsAtOnceAndCancelsTheOtherCalls() {
		PublisherProbe<String> other = PublisherProbe.of(Mono.never());
		FanOutRequest request = this.fanOut.request();
		request.call("broken", Mono.<String>error(new IllegalStateException("boom"))).required();
		request.call("other", other.mono()).optional();
		StepVerifier.create(request.assemble((parts) -> parts))
			.expectErrorSatisfies(
					(failure) -> assertThat(failure).isInstanceOfSatisfying(DependencyFailureException.class,
							(problem) -> assertThat(problem.getReason()).isEqualTo(Reason.ERROR)))
			.verify(Duration.ofSeconds(5));
		other.assertWasCancelled();
	}

	@Test
	void downstreamDefaultPolicyIsRequired() {
		FanOutRequest request = this.fanOut.request();
		request.call("broken", Mono.<String>error(new IllegalStateException("boom")));
		StepVerifier.create(request.assemble((parts) -> parts))
			.expectError(DependencyFailureException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void notFoundLeavesOptionalPartEmptyWithoutWarning() {
		FanOutRequest request = this.fanOut.request();
		Part<String> missing = request
			.call("catalog", Mono.<String>error(WebClientResponseException.create(404, "Not Found", null, null, null)))
			.optional();
		StepVerifier.create(request.assemble((parts) -> parts)).assertNext((parts) -> {
			assertThat(parts.find(missing)).isEmpty();
			assertThat(parts.complete()).isTrue();
		}).verifyComplete();
	}

	@Test
	void namedPartNamesItsWarning() {
		FanOutRequest request = this.fanOut.request();
		request.call("catalog", Mono.<String>error(new IllegalStateException("boom"))).named("related").omit();
		StepVerifier.create(request.assemble(Parts::warnings))
			.expectNext(List.of(new Warning("related-omitted", "catalog", Reason.ERROR)))
			.verifyComplete();
	}

	@Test
	void streamIsCollectedIntoAList() {
		FanOutRequest request = this.fanOut.request();
		Part<List<String>> reviews = request.call("reviews", Flux.just("good", "bad")).optional();
		StepVerifier.create(request.assemble((parts) -> parts.get(reviews)))
			.expectNext(List.of("good", "bad"))
			.verifyComplete();
	}

	@Test
	void noCallsGiveACompleteAnswer() {
		StepVerifier.create(this.fanOut.request().assemble(Parts::complete)).expectNext(true).verifyComplete();
	}

	@Test
	void partOfAnotherFanOutCannotBeRead() {
		Part<String> foreign = this.fanOut.request().call("a", Mono.just("a"));
		FanOutRequest request = this.fanOut.request();
		request.call("b", Mono.just("b"));
		Parts parts = request.assemble((values) -> values).block();
		assertThatIllegalArgumentException().isThrownBy(() -> parts.get(foreign));
	}

	private static Mono<String> delayed(String value, long millis) {
		return Mono.delay(Duration.ofMillis(millis)).thenReturn(value);
	}

}
