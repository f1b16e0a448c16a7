package dev.bfftemplate.test.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

/**
 * The metric names a Grafana dashboard queries, read from the PromQL of its panels, and a
 * check of them against a Prometheus exposition: a dashboard that queries a metric the
 * applications do not expose shows an empty panel and nobody notices.
 */
public final class GrafanaDashboard {

	/** The template's dashboard, relative to a module directory. */
	public static final Path BFF_DASHBOARD = Path.of("..", "deploy", "grafana", "bff-dashboard.json");

	private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private final SortedSet<String> metrics;

	private GrafanaDashboard(SortedSet<String> metrics) {
		this.metrics = metrics;
	}

	/**
	 * Read a dashboard's JSON.
	 * @param path the dashboard file
	 * @return the dashboard
	 */
	public static GrafanaDashboard read(Path path) {
		try {
			List<String> expressions = JsonPath.read(Files.readString(path), "$.panels[*].targets[*].expr");
			SortedSet<String> metrics = new TreeSet<>();
			expressions.forEach((expression) -> metrics.addAll(metricNames(expression)));
			return new GrafanaDashboard(metrics);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The metric names one PromQL expression reads: identifiers that are not functions,
	 * keywords, label names or grafana variables.
	 * @param expression the PromQL
	 * @return the metric names
	 */
	static Set<String> metricNames(String expression) {
		String stripped = GROUPING.matcher(RANGES.matcher(LABELS.matcher(expression).replaceAll(" ")).replaceAll(" "))
			.replaceAll(" ")
			.replaceAll("\"[^\"]*\"", " ")
			.replaceAll("\\$\\w+", " ");
		Matcher matcher = IDENTIFIER.matcher(stripped);
		Set<String> names = new TreeSet<>();
		while (matcher.find()) {
			boolean function = matcher.group(1) != null;
			String name = matcher.group().replaceAll("[\\s(]", "");
			if (!function && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Every metric name the dashboard queries.
	 * @return the names, sorted
	 */
	public SortedSet<String> metrics() {
		return this.metrics;
	}

	/**
	 * The queried metrics, of those whose name starts with one of the prefixes, that the
	 * exposition does not have.
	 * @param exposition a scrape of {@code /actuator/prometheus}
	 * @param prefixes the metric name prefixes to check
	 * @return the missing names, empty when every one is exposed
	 */
	public SortedSet<String> missingFrom(String exposition, String... prefixes) {
		Set<String> exposed = exposition.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());
		return this.metrics.stream()
			.filter((name) -> List.of(prefixes).stream().anyMatch(name::startsWith))
			.filter((name) -> !exposed.contains(name))
			.collect(Collectors.toCollection(TreeSet::new));
	}

}
