package dev.bfftemplate.test.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails with a timeout, prints what is needed to tell why: the pauses of the
 * whole JVM seen in the last minute (see {@link PauseDetector}) and a dump of every
 * thread. Registered for every test through JUnit's extension auto-detection
 * ({@code junit-platform.properties} of this module); the failure itself is rethrown
 * unchanged.
 */
public class TimeoutDiagnostics implements TestExecutionExceptionHandler {

	private static final Duration LOOK_BACK = Duration.ofMinutes(1);

	/**
	 * Starts watching for JVM pauses as soon as JUnit loads the extension.
	 */
	public TimeoutDiagnostics() {
		PauseDetector.get();
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
		if (isTimeout(throwable)) {
			System.out.println(report(context.getDisplayName()));
		}
		throw throwable;
	}

	static boolean isTimeout(Throwable throwable) {
		for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().contains("Timeout")
					|| String.valueOf(cause.getMessage()).contains("Timeout on blocking read")) {
				return true;
			}
		}
		return false;
	}

	static String report(String test) {
		StringBuilder report = new StringBuilder("=== Timeout diagnostics for ").append(test).append('\n');
		List<PauseDetector.Pause> pauses = PauseDetector.get().since(Instant.now().minus(LOOK_BACK));
		if (pauses.isEmpty()) {
			report.append("No pause of the whole JVM over 500 ms in the last minute: the wait was in the code.\n");
		}
		else {
			report.append("The whole JVM did not run (GC, or the machine stalled) in the last minute:\n");
			pauses.forEach((pause) -> report.append("  ")
				.append(pause.length().toMillis())
				.append(" ms, until ")
				.append(pause.endedAt())
				.append('\n'));
		}
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			// ThreadInfo.toString() cuts every stack at 8 frames
			report.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				report.append(" on ").append(thread.getLockName());
			}
			if (thread.getLockOwnerName() != null) {
				report.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
			}
			report.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				report.append("\tat ").append(frame).append('\n');
			}
		}
		return report.append("=== end of timeout diagnostics\n").toString();
	}

}
