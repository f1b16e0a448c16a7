package dev.bfftemplate.edge.admission;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.bfftemplate.edge.admission.AdmissionRefusedException.Reason;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * The admission of requests to one upstream: a permit when fewer than the adaptive limit
 * are in flight, otherwise a place in a first-come-first-served queue until a permit is
 * free, refused when the queue is full or the wait too long. Nothing blocks: a waiting
 * request is a pending {@link Mono}.
 */
final class UpstreamAdmission {

	private final SimpleLimiter<Void> limiter;

	private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicInteger draining = new AtomicInteger();

	private final int maxQueueLength;

	private final Duration maxQueueWait;

	private final Duration retryAfter;

	private final Scheduler timer;

	UpstreamAdmission(String upstream, AdmissionProperties properties, Scheduler timer) {
		this.limiter = SimpleLimiter.newBuilder()
			.named(upstream)
			.limit(Gradient2Limit.newBuilder()
				.initialLimit(properties.initialLimit())
				.minLimit(properties.minLimit())
				.maxConcurrency(properties.maxLimit())
				.rttTolerance(properties.rttTolerance())
				.build())
			.build();
		this.maxQueueLength = properties.maxQueueLength();
		this.maxQueueWait = properties.maxQueueWait();
		this.retryAfter = properties.retryAfter();
		this.timer = timer;
	}

	/**
	 * A permit to forward one request, now or when its turn comes. The caller ends it
	 * exactly once ({@link Permit} ignores a second end).
	 * @return the permit, or an {@link AdmissionRefusedException}
	 */
	Mono<Permit> admit() {
		return Mono.defer(() -> {
			// Nobody overtakes a waiting request: a permit goes straight out only when
			// the queue is empty.
			if (this.waiting.isEmpty()) {
				Optional<Limiter.Listener> listener = this.limiter.acquire(null);
				if (listener.isPresent()) {
					return Mono.just(new Permit(listener.get()));
				}
			}
			if (this.queued.incrementAndGet() > this.maxQueueLength) {
				this.queued.decrementAndGet();
				return Mono.error(new AdmissionRefusedException(Reason.QUEUE_FULL, this.retryAfter));
			}
			return Mono.create(this::enqueue);
		});
	}

	private void enqueue(MonoSink<Permit> sink) {
		Waiter waiter = new Waiter(sink);
		Disposable deadline = this.timer.schedule(() -> {
			if (leave(waiter)) {
				sink.error(new AdmissionRefusedException(Reason.QUEUE_WAIT, this.retryAfter));
			}
		}, this.maxQueueWait.toNanos(), TimeUnit.NANOSECONDS);
		sink.onDispose(deadline);
		sink.onCancel(() -> {
			if (!leave(waiter)) {
				// cancelled while its permit was on the way: hand it back
				waiter.releaseHandedPermit();
			}
		});
		this.waiting.add(waiter);
		// A permit freed between the limiter's refusal and this add would otherwise wait
		// for the next release.
		drain();
	}

	/**
	 * Takes a waiter out of the line (its deadline passed or its client left).
	 * @return whether it was still waiting
	 */
	private boolean leave(Waiter waiter) {
		if (!waiter.state.compareAndSet(Waiter.WAITING, Waiter.LEFT)) {
			return false;
		}
		if (this.waiting.remove(waiter)) {
			this.queued.decrementAndGet();
		}
		return true;
	}

	/**
	 * Hands free permits to the waiters at the head of the line. One thread drains at a
	 * time and the others leave it more work: a waiter's request runs on the draining
	 * thread and may end its permit at once (an open breaker), which would otherwise
	 * recurse through the whole queue.
	 */
	private void drain() {
		if (this.draining.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			handOut();
			missed = this.draining.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void handOut() {
		while (!this.waiting.isEmpty()) {
			Optional<Limiter.Listener> listener = this.limiter.acquire(null);
			if (listener.isEmpty()) {
				return;
			}
			Waiter next = this.waiting.poll();
			if (next == null) {
				listener.get().onIgnore();
				return;
			}
			this.queued.decrementAndGet();
			if (!next.hand(new Permit(listener.get()))) {
				listener.get().onIgnore();
			}
		}
	}

	/**
	 * Requests in flight to the upstream now.
	 * @return permits held
	 */
	int inFlight() {
		return this.limiter.getInflight();
	}

	/**
	 * The current limit.
	 * @return permits allowed now
	 */
	int limit() {
		return this.limiter.getLimit();
	}

	/**
	 * Requests waiting for a permit.
	 * @return the queue's length
	 */
	int queued() {
		return this.queued.get();
	}

	/**
	 * The right to have one request in flight to the upstream. Its end tells the limit
	 * how long the upstream took and gives the place to the next waiter.
	 */
	final class Permit {

		private final Limiter.Listener listener;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Permit(Limiter.Listener listener) {
			this.listener = listener;
		}

		/**
		 * The upstream answered: its latency is a sample for the limit.
		 */
		void answered() {
			if (this.ended.compareAndSet(false, true)) {
				this.listener.onSuccess();
				drain();
			}
		}

		/**
		 * The request failed on the way (timeout, refused connection): the limit counts a
		 * drop.
		 */
		void failed() {
			if (this.ended.compareAndSet(false, true)) {
				this.listener.onDropped();
				drain();
			}
		}

		/**
		 * The client left or the request never reached the upstream: no sample.
		 */
		void abandoned() {
			if (this.ended.compareAndSet(false, true)) {
				this.listener.onIgnore();
				drain();
			}
		}

	}

	private static final class Waiter {

		static final int WAITING = 0;

		static final int HANDED = 1;

		static final int LEFT = 2;

		final AtomicInteger state = new AtomicInteger(WAITING);

		private final MonoSink<Permit> sink;

		private volatile Permit permit;

		Waiter(MonoSink<Permit> sink) {
			this.sink = sink;
		}

		boolean hand(Permit permit) {
			this.permit = permit;
			if (!this.state.compareAndSet(WAITING, HANDED)) {
				this.permit = null;
				return false;
			}
			this.sink.success(permit);
			return true;
		}

		void releaseHandedPermit() {
			Permit handed = this.permit;
			if (handed != null) {
				handed.abandoned();
			}
		}

	}

}
