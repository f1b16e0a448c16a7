package dev.bfftemplate.mobile.version;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * An app version, {@code major.minor.patch} (minor and patch may be left out and count as
 * 0), ordered numerically.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 */
record AppVersion(int major, int minor, int patch) implements Comparable<AppVersion> {

	static final String PATTERN = "\\d{1,6}(\\.\\d{1,6}){0,2}";

	private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile(PATTERN);

	private static final Comparator<AppVersion> ORDER = Comparator.comparingInt(AppVersion::major)
		.thenComparingInt(AppVersion::minor)
		.thenComparingInt(AppVersion::patch);

	static @Nullable AppVersion parse(@Nullable String value) {
		if (value == null || !VERSION.matcher(value).matches()) {
			return null;
		}
		String[] parts = value.split("\\.");
		return new AppVersion(Integer.parseInt(parts[0]), (parts.length > 1) ? Integer.parseInt(parts[1]) : 0,
				(parts.length > 2) ? Integer.parseInt(parts[2]) : 0);
	}

	@Override
	public int compareTo(AppVersion other) {
		return ORDER.compare(this, other);
	}

}
