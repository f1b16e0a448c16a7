package dev.bfftemplate.starter.tokenhandler.login;

import java.util.regex.Pattern;

/**
 * Where to send the browser after login: only a path on this origin, so
 * {@code /bff/login} can never be turned into an open redirect.
 */
final class ReturnToPath {

	// A single leading slash, then path, query and fragment characters only: no scheme,
	// no "//host", no backslash (which browsers read as a slash), no control characters.
	private static final Pattern SAME_ORIGIN_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?#]*");

	private ReturnToPath() {
	}

	static boolean isSameOriginPath(String candidate) {
		return candidate != null && candidate.length() <= 2048 && SAME_ORIGIN_PATH.matcher(candidate).matches()
				&& !candidate.contains("%2f") && !candidate.contains("%2F") && !candidate.contains("%5c")
				&& !candidate.contains("%5C");
	}

}
