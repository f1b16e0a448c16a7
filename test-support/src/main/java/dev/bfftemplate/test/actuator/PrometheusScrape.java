package dev.bfftemplate.test.actuator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus} (the Prometheus text format), with a lookup
 * of its samples by metric name and labels, so that a test asks for
 * {@code value("bff_stale_serves_total", "downstream", "reviews")} instead of matching
 * the text.
 *
 * @param text the scraped text, as served
 */
public record PrometheusScrape(String text) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/**
	 * Every sample of the scrape, in order.
	 * @return the samples
	 */
	public List<Sample> samples() {
		List<Sample> samples = new ArrayList<>();
		for (String line : this.text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.find()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.put(label.group(1), unescape(label.group(2)));
				}
			}
			samples.add(new Sample(sample.group(1), labels, parse(sample.group(4))));
		}
		return samples;
	}

	/**
	 * The samples of a metric that carry the given labels (and any others).
	 * @param name the sample's name, such as {@code bff_downstream_calls_seconds_count}
	 * @param labels label names and values, alternating
	 * @return the matching samples
	 */
	public List<Sample> samples(String name, String... labels) {
		Map<String, String> wanted = labels(labels);
		return samples().stream()
			.filter((sample) -> sample.name().equals(name) && sample.labels().entrySet().containsAll(wanted.entrySet()))
			.toList();
	}

	/**
	 * The value of the one sample of a metric with the given labels.
	 * @param name the sample's name
	 * @param labels label names and values, alternating
	 * @return the value, or empty when no sample matches
	 * @throws IllegalArgumentException when several samples match (name more labels)
	 */
	public OptionalDouble value(String name, String... labels) {
		List<Sample> matching = samples(name, labels);
		if (matching.size() > 1) {
			throw new IllegalArgumentException(
					matching.size() + " samples of " + name + " match " + labels(labels) + ": " + matching);
		}
		return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
	}

	/**
	 * The sum of the samples of a metric with the given labels (a counter over every
	 * value of the labels not named), 0 when none matches.
	 * @param name the sample's name
	 * @param labels label names and values, alternating
	 * @return the sum
	 */
	public double sum(String name, String... labels) {
		return samples(name, labels).stream().mapToDouble(Sample::value).sum();
	}

	/**
	 * Whether a sample of a metric with the given labels is exposed.
	 * @param name the sample's name
	 * @param labels label names and values, alternating
	 * @return whether one is
	 */
	public boolean has(String name, String... labels) {
		return !samples(name, labels).isEmpty();
	}

	private static Map<String, String> labels(String... labels) {
		if (labels.length % 2 != 0) {
			throw new IllegalArgumentException("Labels come as name, value pairs");
		}
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			map.put(labels[i], labels[i + 1]);
		}
		return map;
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder unescaped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				unescaped.append((next == 'n') ? '\n' : next);
			}
			else {
				unescaped.append(c);
			}
		}
		return unescaped.toString();
	}

	private static double parse(String value) {
		return switch (value) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			case "NaN" -> Double.NaN;
			default -> Double.parseDouble(value);
		};
	}

	/**
	 * One sample.
	 *
	 * @param name the sample's name
	 * @param labels its labels
	 * @param value its value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

	}

}
