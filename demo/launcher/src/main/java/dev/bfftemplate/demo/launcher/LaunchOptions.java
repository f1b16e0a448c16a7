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
 */
record LaunchOptions(Optional<List<String>> only, Optional<String> redis, boolean quiet, Optional<Path> root,
		Optional<List<String>> jvmOptions) {

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
			else if (arg.equals("--quiet")) {
				quiet = true;
			}
			else {
				throw new IllegalArgumentException("Unknown option '" + arg
						+ "'; use --only=app1,app2 --redis=redis://host:port --quiet --root=DIR --jvm-options=\"-Xmx512m ...\"");
			}
		}
		return new LaunchOptions(only, redis, quiet, root, jvmOptions);
	}

	private static List<String> words(String value) {
		return Arrays.stream(value.trim().split("\\s+")).filter((word) -> !word.isEmpty()).toList();
	}

	private static String value(String arg) {
		return arg.substring(arg.indexOf('=') + 1);
	}

}
