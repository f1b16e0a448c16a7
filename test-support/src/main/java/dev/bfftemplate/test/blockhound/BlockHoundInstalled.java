package dev.bfftemplate.test.blockhound;

import java.time.Duration;

import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves that BlockHound watches a module's tests (the module has
 * {@code blockhound-junit-platform} on its test class path), so that a blocking call on
 * an event loop anywhere in them fails the test instead of stalling every request on that
 * loop.
 */
public final class BlockHoundInstalled {

	private BlockHoundInstalled() {
	}

	/**
	 * Asserts that a blocking call on a non-blocking thread fails.
	 */
	public static void assertBlockingCallsFail() {
		// Thread.yield() is on BlockHound's list like sleep and park, and takes no time
		Mono<Integer> blocking = Mono.fromCallable(() -> {
			Thread.yield();
			return 1;
		}).subscribeOn(Schedulers.parallel());
		StepVerifier.create(blocking).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(10));
	}

}
