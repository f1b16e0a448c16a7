package dev.bfftemplate.demo.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's command line.
 *
 * @param only the applications to run, when not all
 * @param redis the Redis URL to share, when given
 * @param quiet whether to keep application output in log files only
 * @param root the project root, when given
 * @param jvmOptions the JVM options of every application, when not the launcher's
 * fast-start ones
 * @param portOffset added to every application's ports (public and management), so that a
 * second stack can run beside one on the default ports
 */
record LaunchOptions(Optional<List<String>> only, Optional<String> redis, boolean quiet, Optional<Path> root,
		Optional<List<String>> jvmOptions, int portOffset) {

	/** The largest offset that keeps every default port below 65536. */
	static final int MAX_PORT_OFFSET = 55000;

	/**
	 * The environment variable that sets the JVM options when {@code --jvm-options} does
	 * not.
	 */
	static final String JVM_OPTIONS_VARIABLE = "BFF_JVM_OPTIONS";

	static LaunchOptions parse(List<String> args) {
		return parse(args, System.getenv());
	}

	static LaunchOptions parse(List<String> args, Map<String, String> environment) {
		Optional<List<String>> only = Optional.empty();
		Optional<List<String>> jvmOptions = Optional.ofNullable(environment.get(JVM_OPTIONS_VARIABLE))
			.map(LaunchOptions::words);
		Optional<String> redis = Optional.empty();
		Optional<Path> root = Optional.empty();
		boolean quiet = false;
		int portOffset = 0;
		for (String arg : args) {
			if (arg.startsWith("--only=")) {
				only = Optional.of(Arrays.stream(value(arg).split(","))
					.map(String::trim)
					.filter((name) -> !name.isEmpty())
					.toList());
			}
			else if (arg.startsWith("--redis=")) {
				redis = Optional.of(value(arg));
			}
			else if (arg.startsWith("--root=")) {
				root = Optional.of(Path.of(value(arg)));
			}
			else if (arg.startsWith("--jvm-options=")) {
				jvmOptions = Optional.of(words(value(arg)));
			}
			else if (arg.startsWith("--port-offset=")) {
				portOffset = portOffset(value(arg));
			}
			else if (arg.equals("--quiet")) {
				quiet = true;
			}
			else {
				throw new IllegalArgumentException("Unknown option '" + arg
						+ "'; use --only=app1,app2 --redis=redis://host:port --quiet --root=DIR --jvm-options=\"-Xmx512m ...\""
						+ " --port-offset=N");
			}
		}
		return new LaunchOptions(only, redis, quiet, root, jvmOptions, portOffset);
	}

	private static int portOffset(String value) {
		try {
			int offset = Integer.parseInt(value.trim());
			if (offset >= 0 && offset <= MAX_PORT_OFFSET) {
				return offset;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				"--port-offset must be a number from 0 to " + MAX_PORT_OFFSET + ", not '" + value + "'");
	}

	private static List<String> words(String value) {
		return Arrays.stream(value.trim().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

	private static String value(String arg) {
		return arg.substring(arg.indexOf('=') + 1);
	}

}
