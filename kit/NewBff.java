import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates a new BFF module from kit/bff-template and wires it into the repository: the
 * parent pom's modules, the demo launcher's list, the edge's route, upstream, timeout,
 * rate-limit policy and token check. Run from the repository root with only a JDK:
 *
 * <pre>
 * java kit/NewBff.java kiosk [--port 8084]
 * </pre>
 *
 * It refuses to overwrite anything and changes nothing when a check fails.
 */
public class NewBff {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,19}");

	public static void main(String[] args) throws IOException {
		if (args.length == 0 || !NAME.matcher(args[0]).matches()) {
			fail("usage: java kit/NewBff.java <name> [--port <port>]\n"
					+ "  <name>: 2-20 lower-case letters and digits, starting with a letter; the module is <name>-bff");
		}
		String name = args[0];
		Integer port = null;
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--port") && i + 1 < args.length) {
				port = Integer.valueOf(args[++i]);
			}
			else {
				fail("unknown argument: " + args[i]);
			}
		}
		Path root = Path.of("").toAbsolutePath();
		new NewBff(root, name, port).create();
	}

	private final Path root;

	private final String name;

	private final String module;

	private final Integer requestedPort;

	NewBff(Path root, String name, Integer port) {
		this.root = root;
		this.name = name;
		this.module = name + "-bff";
		this.requestedPort = port;
	}

	void create() throws IOException {
		Path template = this.root.resolve("kit/bff-template");
		Path pom = this.root.resolve("pom.xml");
		Path stack = this.root.resolve("demo/launcher/src/main/resources/stack-apps.txt");
		Path edge = this.root.resolve("edge-gateway/src/main/resources/application.yaml");
		for (Path required : List.of(template, pom, stack, edge)) {
			if (!Files.exists(required)) {
				fail("run this from the repository root: " + this.root.relativize(required) + " is missing");
			}
		}
		Path target = this.root.resolve(this.module);
		if (Files.exists(target)) {
			fail(this.module + " exists already");
		}
		int port = port(read(stack));
		int managementPort = port + 1000;
		// every edit is computed before anything is written
		String newPom = insertBefore(read(pom), "\t\t<module>e2e-tests</module>\n",
				"\t\t<module>" + this.module + "</module>\n");
		String newStack = stackWithApp(read(stack), port, managementPort);
		String newEdge = edgeWithRoute(read(edge), port);
		copyTemplate(template, target, port, managementPort);
		Files.writeString(pom, newPom);
		Files.writeString(stack, newStack);
		Files.writeString(edge, newEdge);
		// the template's lines wrap differently with each name: format as the build checks
		format();
		System.out.printf("""
				Created %1$s (port %2$d, management port %3$d) with the example screen
				GET /%4$s/v1/products/{id} and its test, and wired it into:
				  pom.xml                                              the module
				  demo/launcher/src/main/resources/stack-apps.txt      the launcher starts it
				  edge-gateway/src/main/resources/application.yaml     route /%4$s/**, token check, rate limit
				Next:
				  ./mvnw -pl %1$s -am verify                           build it and run its tests
				  ./mvnw -DskipTests package && java -jar demo/launcher/target/demo-launcher.jar
				Its tokens must name %1$s as their audience (bff.resource-server.audiences).
				""", this.module, port, managementPort, this.name);
	}

	private void format() throws IOException {
		boolean windows = System.getProperty("os.name").startsWith("Windows");
		String wrapper = this.root.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
		Process maven = new ProcessBuilder(wrapper, "-q", "-B", "spring-javaformat:apply", "-pl", this.module)
			.directory(this.root.toFile())
			.inheritIO()
			.start();
		try {
			if (maven.waitFor() != 0) {
				fail("formatting " + this.module + " failed; run ./mvnw spring-javaformat:apply -pl " + this.module);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			fail("interrupted while formatting " + this.module);
		}
	}

	/** The requested port, or the one after the highest port of a BFF in the stack list. */
	private int port(String stack) {
		List<Integer> taken = new ArrayList<>();
		int highestBff = 8080;
		for (String line : stack.lines().map(String::strip).filter((l) -> !l.isEmpty() && !l.startsWith("#")).toList()) {
			String[] fields = line.split("\\s+");
			if (fields[0].equals(this.module)) {
				fail(this.module + " is in the launcher's list already");
			}
			int appPort = Integer.parseInt(fields[2]);
			taken.add(appPort);
			taken.add(Integer.parseInt(fields[3]));
			if (fields[4].endsWith("bff")) {
				highestBff = Math.max(highestBff, appPort);
			}
		}
		int port = (this.requestedPort != null) ? this.requestedPort : highestBff + 1;
		if (taken.contains(port) || taken.contains(port + 1000)) {
			fail("port " + port + " or its management port " + (port + 1000) + " is taken; choose one with --port");
		}
		return port;
	}

	private String stackWithApp(String stack, int port, int managementPort) {
		Matcher edgeLine = Pattern.compile("(?m)^\\S+\\s+\\S+\\s+\\d+\\s+\\d+\\s+edge\\s").matcher(stack);
		if (!edgeLine.find()) {
			fail("the launcher's list has no edge line to insert before");
		}
		String line = String.format("%-17s %-18s %-5d %-6d %-12s %-9s %s%n", this.module, this.module, port,
				managementPort, "bff", "-", capitalized() + " BFF");
		return stack.substring(0, edgeLine.start()) + line + stack.substring(edgeLine.start());
	}

	private String edgeWithRoute(String yaml, int port) {
		Matcher webRoute = Pattern.compile("(?m)^(\\s*)- id: web-bff\\s*$").matcher(yaml);
		if (!webRoute.find()) {
			fail("edge-gateway's application.yaml has no web-bff route to insert before");
		}
		String indent = webRoute.group(1);
		// keep the comment lines that belong to the web-bff route above it
		int insertAt = webRoute.start();
		List<String> before = yaml.substring(0, insertAt).lines().toList();
		for (int i = before.size() - 1; i >= 0 && before.get(i).strip().startsWith("#"); i--) {
			insertAt -= before.get(i).length() + 1;
		}
		String route = String.join("\n", indent + "- id: " + this.module,
				indent + "  uri: ${edge.upstreams." + this.module + "}", indent + "  predicates:",
				indent + "    - Path=/" + this.name + "/**", indent + "  filters:",
				indent + "    - RateLimit=" + this.name, indent + "    - CircuitBreaker=" + this.module,
				indent + "  metadata:", indent + "    response-timeout: ${edge.response-timeouts." + this.module + "}")
				+ "\n";
		String edited = yaml.substring(0, insertAt) + route + yaml.substring(insertAt);
		edited = afterLine(edited, "  upstreams:", "    " + this.module + ": http://localhost:" + port);
		edited = afterLine(edited, "  response-timeouts:", "    " + this.module + ": 5000");
		edited = afterLine(edited, "    policies:",
				"      " + this.name + ":\n        limit: 50\n        window: 1s");
		edited = appendToLine(edited, "    jwt-protected-paths:", ", /" + this.name + "/**");
		edited = appendToLine(edited, "          audiences:", ", " + this.module);
		return edited;
	}

	private void copyTemplate(Path template, Path target, int port, int managementPort) throws IOException {
		try (Stream<Path> files = Files.walk(template)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String relative = template.relativize(file).toString();
				Path to = target.resolve(replace(relative, port, managementPort));
				Files.createDirectories(to.getParent());
				Files.writeString(to, replace(read(file), port, managementPort));
			}
		}
	}

	private String replace(String text, int port, int managementPort) {
		return text.replace("__pkg__", this.name)
			.replace("__Name__", capitalized())
			.replace("__name__", this.name)
			.replace("__management_port__", Integer.toString(managementPort))
			.replace("__port__", Integer.toString(port));
	}

	private String capitalized() {
		return Character.toUpperCase(this.name.charAt(0)) + this.name.substring(1);
	}

	private static String insertBefore(String text, String anchor, String insert) {
		int at = text.indexOf(anchor);
		if (at < 0) {
			fail("cannot find " + anchor.strip() + " to insert before");
		}
		return text.substring(0, at) + insert + text.substring(at);
	}

	private static String afterLine(String text, String header, String insert) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(header) + "[ \\t]*$").matcher(text);
		if (!line.find()) {
			fail("cannot find '" + header.strip() + "' in edge-gateway's application.yaml");
		}
		return text.substring(0, line.end()) + "\n" + insert + text.substring(line.end());
	}

	private static String appendToLine(String text, String prefix, String suffix) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(prefix) + ".*$").matcher(text);
		if (!line.find()) {
			fail("cannot find '" + prefix.strip() + "' in edge-gateway's application.yaml");
		}
		return text.substring(0, line.end()) + suffix + text.substring(line.end());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void fail(String message) {
		System.err.println("new-bff: " + message);
		System.exit(2);
	}

}
