package dev.bfftemplate.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Every web-bff test runs with BlockHound (blockhound-junit-platform, see the pom): this
 * proves it is on, so that a blocking call on an event loop anywhere in the other tests
 * fails them.
 */
class BlockingCallsTests {

	@Test
	void blockingOnANonBlockingThreadFails() {
		// Thread.yield() is on BlockHound's list like sleep and park, and takes no time
		Mono<Integer> blocking = Mono.fromCallable(() -> {
			Thread.yield();
			return 1;
		}).subscribeOn(Schedulers.parallel());
		StepVerifier.create(blocking).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(10));
	}

}
