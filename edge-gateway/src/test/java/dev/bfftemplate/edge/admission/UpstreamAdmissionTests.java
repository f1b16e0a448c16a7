package dev.bfftemplate.edge.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bfftemplate.edge.admission.AdmissionRefusedException.Reason;
import dev.bfftemplate.edge.admission.UpstreamAdmission.Permit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamAdmissionTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	@Test
	void requestsBeyondTheLimitWaitAndGetTheirTurnInArrivalOrder() {
		UpstreamAdmission admission = admission(2, 10, Duration.ofSeconds(10));
		Permit first = admission.admit().block();
		Permit second = admission.admit().block();
		List<String> order = new ArrayList<>();
		List<Permit> handed = new ArrayList<>();
		admission.admit().subscribe((permit) -> {
			order.add("third");
			handed.add(permit);
		});
		admission.admit().subscribe((permit) -> {
			order.add("fourth");
			handed.add(permit);
		});
		assertThat(order).isEmpty();
		assertThat(admission.queued()).isEqualTo(2);
		assertThat(admission.inFlight()).isEqualTo(2);

		first.answered();
		assertThat(order).containsExactly("third");
		second.answered();
		assertThat(order).containsExactly("third", "fourth");
		assertThat(admission.queued()).isZero();
		assertThat(admission.inFlight()).isEqualTo(2);
		handed.forEach(Permit::answered);
		assertThat(admission.inFlight()).isZero();
	}

	@Test
	void aNewRequestDoesNotOvertakeOneThatIsWaiting() {
		UpstreamAdmission admission = admission(1, 10, Duration.ofSeconds(10));
		Permit first = admission.admit().block();
		List<String> order = new ArrayList<>();
		admission.admit().subscribe((permit) -> order.add("waiting"));
		first.answered();
		admission.admit().subscribe((permit) -> order.add("newcomer"));
		assertThat(order).containsExactly("waiting");
		assertThat(admission.queued()).isEqualTo(1);
	}

	@Test
	void aFullQueueRefusesAtOnce() {
		UpstreamAdmission admission = admission(1, 1, Duration.ofSeconds(10));
		admission.admit().block();
		admission.admit().subscribe();
		StepVerifier.create(admission.admit())
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(AdmissionRefusedException.class, (refused) -> {
						assertThat(refused.reason()).isEqualTo(Reason.QUEUE_FULL);
						assertThat(refused.getStatusCode().value()).isEqualTo(503);
						assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("2");
					}))
			.verify(Duration.ofSeconds(5));
		assertThat(admission.queued()).isEqualTo(1);
	}

	@Test
	void aRequestWaitingTooLongIsRefusedAndItsPlaceIsGone() {
		UpstreamAdmission admission = admission(1, 10, Duration.ofSeconds(3));
		Permit first = admission.admit().block();
		// the admission's own clock, advanced by hand (withVirtualTime would replace
		// every scheduler of the JVM)
		StepVerifier.create(admission.admit())
			.expectSubscription()
			.then(() -> this.clock.advanceTimeBy(Duration.ofMillis(2999)))
			.expectNoEvent(Duration.ofMillis(10))
			.then(() -> this.clock.advanceTimeBy(Duration.ofMillis(1)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(AdmissionRefusedException.class,
					(refused) -> assertThat(refused.reason()).isEqualTo(Reason.QUEUE_WAIT)))
			.verify(Duration.ofSeconds(5));
		assertThat(admission.queued()).isZero();
		first.answered();
		assertThat(admission.inFlight()).as("the permit went to nobody").isZero();
	}

	@Test
	void aClientThatLeavesTheQueueGivesUpItsPlace() {
		UpstreamAdmission admission = admission(1, 10, Duration.ofSeconds(10));
		Permit first = admission.admit().block();
		Disposable gone = admission.admit().subscribe();
		List<Permit> next = new ArrayList<>();
		admission.admit().subscribe(next::add);
		gone.dispose();
		assertThat(admission.queued()).isEqualTo(1);
		first.answered();
		assertThat(next).hasSize(1);
		assertThat(admission.inFlight()).isEqualTo(1);
	}

	@Test
	void aPermitEndsOnceHoweverOftenItIsEnded() {
		UpstreamAdmission admission = admission(2, 10, Duration.ofSeconds(10));
		Permit first = admission.admit().block();
		admission.admit().block();
		first.answered();
		first.failed();
		first.abandoned();
		assertThat(admission.inFlight()).isEqualTo(1);
	}

	@Test
	void aQueueOfRequestsThatEndAtOnceDrainsWithoutRecursing() {
		UpstreamAdmission admission = admission(1, 100_000, Duration.ofSeconds(10));
		Permit first = admission.admit().block();
		AtomicInteger served = new AtomicInteger();
		for (int i = 0; i < 50_000; i++) {
			// each waiter's request fails as soon as it is forwarded, as behind an open
			// breaker
			admission.admit().subscribe((permit) -> {
				served.incrementAndGet();
				permit.failed();
			});
		}
		first.answered();
		assertThat(served).hasValue(50_000);
		assertThat(admission.inFlight()).isZero();
		assertThat(admission.queued()).isZero();
	}

	@Test
	void concurrentRequestsNeverExceedTheLimitAndAllGetThrough() {
		// the real timer, as in the edge: the test's virtual clock takes a lock, which
		// BlockHound refuses here
		UpstreamAdmission admission = new UpstreamAdmission("test", properties(4, 10_000, Duration.ofSeconds(30)),
				Schedulers.parallel());
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		Long answered = Flux.range(0, 2_000)
			.parallel(8)
			.runOn(Schedulers.parallel())
			.flatMap((i) -> Mono.usingWhen(admission.admit(), (permit) -> Mono.fromCallable(() -> {
				mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				return i;
			}).delayElement(Duration.ofMillis(1)).doOnNext((ignored) -> inFlight.decrementAndGet()),
					(permit) -> Mono.fromRunnable(permit::answered), (permit, ex) -> Mono.fromRunnable(permit::failed),
					(permit) -> Mono.fromRunnable(permit::abandoned)))
			.sequential()
			.count()
			.block(Duration.ofSeconds(60));
		assertThat(answered).isEqualTo(2_000);
		assertThat(mostInFlight.get()).isBetween(1, 4);
		assertThat(admission.inFlight()).isZero();
		assertThat(admission.queued()).isZero();
	}

	@Test
	void aRoutesOwnHighestLimitCapsTheOthers() {
		AdmissionProperties defaults = new AdmissionProperties(true, 32, 8, 64, 2.0, 10, Duration.ofSeconds(10),
				Duration.ofSeconds(2));
		AdmissionProperties route = defaults.withMaxLimit(4);
		assertThat(route.maxLimit()).isEqualTo(4);
		assertThat(route.initialLimit()).isEqualTo(4);
		assertThat(route.minLimit()).isEqualTo(4);
		UpstreamAdmission admission = new UpstreamAdmission("test", route, this.clock);
		for (int i = 0; i < 4; i++) {
			admission.admit().subscribe();
		}
		admission.admit().subscribe();
		assertThat(admission.inFlight()).isEqualTo(4);
		assertThat(admission.queued()).isEqualTo(1);
	}

	private UpstreamAdmission admission(int limit, int maxQueueLength, Duration maxQueueWait) {
		return new UpstreamAdmission("test", properties(limit, maxQueueLength, maxQueueWait), this.clock);
	}

	private static AdmissionProperties properties(int limit, int maxQueueLength, Duration maxQueueWait) {
		return new AdmissionProperties(true, limit, limit, limit, 2.0, maxQueueLength, maxQueueWait,
				Duration.ofSeconds(2));
	}

}
