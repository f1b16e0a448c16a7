package dev.bfftemplate.test.diagnostics;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutDiagnosticsTests {

	@Test
	void timeoutsAreRecognisedAnywhereInTheCauseChain() {
		assertThat(TimeoutDiagnostics
			.isTimeout(new IllegalStateException("Timeout on blocking read for 30000000000 NANOSECONDS",
					new TimeoutException("Did not observe any item or terminal signal"))))
			.isTrue();
		assertThat(
				TimeoutDiagnostics.isTimeout(new UncheckedIOException(new HttpTimeoutException("request timed out"))))
			.isTrue();
		assertThat(TimeoutDiagnostics.isTimeout(new AssertionError("expected 200 but was 500"))).isFalse();
	}

	@Test
	void reportHasThePausesAndEveryThreadWithItsWholeStack() throws Exception {
		Thread waiting = new Thread(() -> deepWait(20), "diagnostics-test-waiter");
		waiting.setDaemon(true);
		waiting.start();
		try {
			while (waiting.getState() != Thread.State.WAITING) {
				Thread.onSpinWait();
			}
			String report = TimeoutDiagnostics.report("some test");
			assertThat(report).startsWith("=== Timeout diagnostics for some test")
				.containsAnyOf("No pause of the whole JVM", "The whole JVM did not run")
				.contains("\"diagnostics-test-waiter\" WAITING")
				.contains("\"pause-detector\"");
			// all 20 nested frames, where ThreadInfo.toString() would stop at 8
			assertThat(report.split("TimeoutDiagnosticsTests.deepWait", -1)).hasSizeGreaterThan(20);
		}
		finally {
			waiting.interrupt();
		}
	}

	private static void deepWait(int depth) {
		if (depth > 0) {
			deepWait(depth - 1);
			return;
		}
		Object lock = new Object();
		synchronized (lock) {
			try {
				lock.wait();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
