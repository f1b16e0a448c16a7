package dev.bfftemplate.starter.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions of {@link IdempotentRequests} over the in-memory store, with a clock the
 * test moves.
 */
class IdempotentRequestsTests {

	private final AtomicLong nanos = new AtomicLong();

	private final IdempotentRequests requests = new IdempotentRequests(
			new InMemoryIdempotencyStore(100, this.nanos::get),
			new IdempotencyProperties(List.of("/orders"), List.of("POST"), Duration.ofHours(24), Duration.ofMinutes(1),
					255, DataSize.ofKilobytes(64), DataSize.ofKilobytes(256), List.of(),
					new IdempotencyProperties.Store("bff:idempotency:", Duration.ofSeconds(1), 100)));

	private final StoredResponse created = new StoredResponse(201, Map.of("Location", List.of("/orders/o-1")),
			"{\"id\":\"o-1\"}".getBytes());

	@Test
	void aNewKeyIsProcessedThenItsResponseReplayed() {
		IdempotencyDecision.Process claim = claim("alice", "k1", "f1");
		StepVerifier.create(this.requests.claim("alice", "k1", "f1"))
			.expectNext(new IdempotencyDecision.InFlight())
			.verifyComplete();
		StepVerifier.create(this.requests.complete(claim, this.created)).expectNext(true).verifyComplete();
		StepVerifier.create(this.requests.claim("alice", "k1", "f1"))
			.assertNext((decision) -> assertThat(decision).isEqualTo(new IdempotencyDecision.Replay(this.created)))
			.verifyComplete();
	}

	@Test
	void anotherFingerprintIsAMismatchInFlightAndCompleted() {
		IdempotencyDecision.Process claim = claim("alice", "k1", "f1");
		StepVerifier.create(this.requests.claim("alice", "k1", "f2"))
			.expectNext(new IdempotencyDecision.Mismatch())
			.verifyComplete();
		this.requests.complete(claim, this.created).block();
		StepVerifier.create(this.requests.claim("alice", "k1", "f2"))
			.expectNext(new IdempotencyDecision.Mismatch())
			.verifyComplete();
	}

	@Test
	void aReleasedKeyIsProcessedAgain() {
		IdempotencyDecision.Process claim = claim("alice", "k1", "f1");
		StepVerifier.create(this.requests.release(claim)).expectNext(true).verifyComplete();
		claim("alice", "k1", "f1");
	}

	@Test
	void onlyTheHolderCompletesOrReleasesAKey() {
		IdempotencyDecision.Process claim = claim("alice", "k1", "f1");
		this.nanos.addAndGet(TimeUnit.MINUTES.toNanos(2));
		IdempotencyDecision.Process later = claim("alice", "k1", "f1");
		StepVerifier.create(this.requests.complete(claim, this.created)).expectNext(false).verifyComplete();
		StepVerifier.create(this.requests.release(claim)).expectNext(false).verifyComplete();
		StepVerifier.create(this.requests.complete(later, this.created)).expectNext(true).verifyComplete();
	}

	@Test
	void keysAreScopedPerCaller() {
		claim("alice", "k1", "f1");
		claim("bob", "k1", "f1");
		assertThat(this.requests.storageKey("alice", "k1")).isNotEqualTo(this.requests.storageKey("bob", "k1"));
		assertThat(this.requests.storageKey("ab", "c")).isNotEqualTo(this.requests.storageKey("a", "bc"));
	}

	@Test
	void aCompletedKeyExpiresAfterTheTtl() {
		IdempotencyDecision.Process claim = claim("alice", "k1", "f1");
		this.requests.complete(claim, this.created).block();
		this.nanos.addAndGet(TimeUnit.HOURS.toNanos(23));
		StepVerifier.create(this.requests.claim("alice", "k1", "f1"))
			.expectNextMatches(IdempotencyDecision.Replay.class::isInstance)
			.verifyComplete();
		this.nanos.addAndGet(TimeUnit.HOURS.toNanos(1) + 1);
		claim("alice", "k1", "f1");
	}

	@Test
	void anAbandonedInFlightKeyExpiresAfterTheInFlightTimeout() {
		claim("alice", "k1", "f1");
		this.nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
		StepVerifier.create(this.requests.claim("alice", "k1", "f1"))
			.expectNext(new IdempotencyDecision.InFlight())
			.verifyComplete();
		this.nanos.addAndGet(TimeUnit.SECONDS.toNanos(1) + 1);
		claim("alice", "k1", "f1");
	}

	@Test
	void theStorageKeyNamesNeitherCallerNorKey() {
		assertThat(this.requests.storageKey("alice@example.com", "secret-key-42")).startsWith("bff:idempotency:")
			.doesNotContain("alice")
			.doesNotContain("secret-key-42");
	}

	@Test
	void theFingerprintCoversMethodPathAndBody() {
		String fingerprint = IdempotentRequests.fingerprint("POST", "/orders", "{}".getBytes());
		assertThat(IdempotentRequests.fingerprint("POST", "/orders", "{}".getBytes())).isEqualTo(fingerprint);
		assertThat(IdempotentRequests.fingerprint("PATCH", "/orders", "{}".getBytes())).isNotEqualTo(fingerprint);
		assertThat(IdempotentRequests.fingerprint("POST", "/orders?x=1", "{}".getBytes())).isNotEqualTo(fingerprint);
		assertThat(IdempotentRequests.fingerprint("POST", "/orders", "{ }".getBytes())).isNotEqualTo(fingerprint);
	}

	private IdempotencyDecision.Process claim(String scope, String key, String fingerprint) {
		IdempotencyDecision decision = this.requests.claim(scope, key, fingerprint).block();
		assertThat(decision).isInstanceOf(IdempotencyDecision.Process.class);
		return (IdempotencyDecision.Process) decision;
	}

}
