package dev.bfftemplate.test.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A daemon thread that wakes up every {@value #TICK_MILLIS} ms and records when it woke
 * up much later than asked. Such a gap means the whole JVM did not run (a stop-the-world
 * pause, or the machine or VM itself stalled), which tells a timeout caused by the
 * machine from a request that really hung.
 */
final class PauseDetector {

	private static final long TICK_MILLIS = 50;

	private static final Duration REPORTED_GAP = Duration.ofMillis(500);

	private static final int KEPT_PAUSES = 50;

	private static final PauseDetector instance = new PauseDetector();

	private final Deque<Pause> pauses = new ArrayDeque<>();

	private PauseDetector() {
		Thread thread = new Thread(this::run, "pause-detector");
		thread.setDaemon(true);
		thread.start();
	}

	static PauseDetector get() {
		return instance;
	}

	/**
	 * The pauses seen since the given instant.
	 * @param since the earliest end of a pause to report
	 * @return the pauses, oldest first
	 */
	synchronized List<Pause> since(Instant since) {
		return this.pauses.stream().filter((pause) -> pause.endedAt().isAfter(since)).toList();
	}

	private void run() {
		long last = System.nanoTime();
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(TICK_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long now = System.nanoTime();
			Duration late = Duration.ofNanos(now - last).minusMillis(TICK_MILLIS);
			if (late.compareTo(REPORTED_GAP) > 0) {
				record(new Pause(Instant.now(), late));
			}
			last = now;
		}
	}

	private synchronized void record(Pause pause) {
		if (this.pauses.size() == KEPT_PAUSES) {
			this.pauses.removeFirst();
		}
		this.pauses.addLast(pause);
	}

	/**
	 * A time the detector woke up late.
	 *
	 * @param endedAt when it woke up
	 * @param length how much later than asked
	 */
	record Pause(Instant endedAt, Duration length) {

	}

}
