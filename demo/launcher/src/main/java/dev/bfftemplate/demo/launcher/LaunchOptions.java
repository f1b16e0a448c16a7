package dev.bfftemplate.demo.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's command line.
 *
 * @param only the applications to run, when not all
 * @param redis the Redis URL to share, when given
 * @param quiet whether to keep application output in log files only
 * @param root the project root, when given
 */
record LaunchOptions(Optional<List<String>> only, Optional<String> redis, boolean quiet, Optional<Path> root) {

	static LaunchOptions parse(List<String> args) {
		Optional<List<String>> only = Optional.empty();
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
			else if (arg.equals("--quiet")) {
				quiet = true;
			}
			else {
				throw new IllegalArgumentException("Unknown option '" + arg
						+ "'; use --only=app1,app2 --redis=redis://host:port --quiet --root=DIR");
			}
		}
		return new LaunchOptions(only, redis, quiet, root);
	}

	private static String value(String arg) {
		return arg.substring(arg.indexOf('=') + 1);
	}

}
