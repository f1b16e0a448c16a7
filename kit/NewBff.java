import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates a new BFF module from kit/bff-template and wires it into the repository: the
 * parent pom's modules, the demo launcher's list, the edge's route, upstream, timeout,
 * rate-limit policy and token check, a compose.yaml service (and the edge's upstream and
 * start order there), and its Kubernetes manifests (deploy/base/&lt;name&gt;-bff.yaml from
 * kit/deploy/bff-kubernetes.yaml, the base kustomization, the edge's upstream, and the
 * image of each overlay). Run from the repository root with only a JDK:
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
		Path compose = this.root.resolve("compose.yaml");
		Path kubernetesTemplate = this.root.resolve("kit/deploy/bff-kubernetes.yaml");
		Path kustomization = this.root.resolve("deploy/base/kustomization.yaml");
		Path edgeDeployment = this.root.resolve("deploy/base/edge-gateway.yaml");
		List<Path> overlays = List.of(this.root.resolve("deploy/overlays/local/kustomization.yaml"),
				this.root.resolve("deploy/overlays/production/kustomization.yaml"));
		List<Path> requiredFiles = new ArrayList<>(
				List.of(template, pom, stack, edge, compose, kubernetesTemplate, kustomization, edgeDeployment));
		requiredFiles.addAll(overlays);
		for (Path required : requiredFiles) {
			if (!Files.exists(required)) {
				fail("run this from the repository root: " + this.root.relativize(required) + " is missing");
			}
		}
		Path target = this.root.resolve(this.module);
		if (Files.exists(target)) {
			fail(this.module + " exists already");
		}
		Path manifests = this.root.resolve("deploy/base/" + this.module + ".yaml");
		if (Files.exists(manifests)) {
			fail(this.root.relativize(manifests) + " exists already");
		}
		int port = port(read(stack));
		int managementPort = port + 1000;
		// every edit is computed before anything is written
		String newPom = insertBefore(read(pom), "\t\t<module>e2e-tests</module>\n",
				"\t\t<module>" + this.module + "</module>\n");
		String newStack = stackWithApp(read(stack), port, managementPort);
		String newEdge = edgeWithRoute(read(edge), port);
		String newCompose = composeWithService(read(compose), port);
		String newManifests = replace(read(kubernetesTemplate), port, managementPort);
		String newKustomization = insertBefore(read(kustomization), "  - edge-gateway.yaml\n",
				"  - " + this.module + ".yaml\n");
		String newEdgeDeployment = edgeDeploymentWithUpstream(read(edgeDeployment), port);
		List<String> newOverlays = overlays.stream().map((overlay) -> overlayWithImage(read(overlay))).toList();
		copyTemplate(template, target, port, managementPort);
		Files.writeString(pom, newPom);
		Files.writeString(stack, newStack);
		Files.writeString(edge, newEdge);
		Files.writeString(compose, newCompose);
		Files.writeString(manifests, newManifests);
		Files.writeString(kustomization, newKustomization);
		Files.writeString(edgeDeployment, newEdgeDeployment);
		for (int i = 0; i < overlays.size(); i++) {
			Files.writeString(overlays.get(i), newOverlays.get(i));
		}
		// the template's lines wrap differently with each name: format as the build checks
		format();
		System.out.printf("""
				Created %1$s (port %2$d, management port %3$d) with the example screen
				GET /%4$s/v1/products/{id} and its test, and wired it into:
				  pom.xml                                              the module
				  demo/launcher/src/main/resources/stack-apps.txt      the launcher starts it
				  edge-gateway/src/main/resources/application.yaml     route /%4$s/**, token check, rate limit
				  compose.yaml                                         its service; the edge's upstream and start order
				  deploy/base/%1$s.yaml                                Deployment, Service, PDB, HPA, NetworkPolicy
				  deploy/base/kustomization.yaml, edge-gateway.yaml    the manifests; the edge's upstream
				  deploy/overlays/{local,production}/kustomization.yaml  its image tag
				Next:
				  ./mvnw -pl %1$s -am verify                           build it and run its tests
				  ./mvnw -DskipTests package && java -jar demo/launcher/target/demo-launcher.jar
				  ./mvnw -DskipTests package jib:dockerBuild && docker compose up -d   (its image, the stack)
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
				indent + "    - RateLimit=" + this.name, indent + "    - Admission=" + this.module,
				indent + "    - CircuitBreaker=" + this.module,
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

	/**
	 * Its compose service (before the edge's, which starts last), the edge's upstream
	 * variable and the edge waiting for it to be healthy.
	 */
	private String composeWithService(String yaml, int port) {
		String service = String.join("\n", "  " + this.module + ":",
				"    image: bff-template/" + this.module + ":${BFF_TAG:-0.1.0-SNAPSHOT}",
				"    # An application that cannot start (the issuer not answering in time) exits; try again.",
				"    restart: on-failure", "    environment:", "      <<: *bff-env", "    depends_on:",
				"      demo-services:", "        condition: service_healthy", "      demo-auth-server:",
				"        condition: service_healthy", "    healthcheck:", "      <<: *healthcheck",
				"      test: [\"CMD\", \"curl\", \"-fsS\", \"-o\", \"/dev/null\", \"http://localhost:" + port + "/readyz\"]",
				"", "");
		Matcher edgeService = Pattern.compile("(?m)^  edge-gateway:[ \\t]*$").matcher(yaml);
		if (!edgeService.find()) {
			fail("compose.yaml has no edge-gateway service to insert before");
		}
		int edgeAt = edgeService.start();
		String edited = yaml.substring(0, edgeAt) + service + yaml.substring(edgeAt);
		edgeAt += service.length();
		Matcher upstreams = Pattern.compile("(?m)^      EDGE_UPSTREAMS_\\w+: .*$").matcher(edited);
		int lastUpstream = -1;
		while (upstreams.find()) {
			if (upstreams.start() < edgeAt) {
				fail("compose.yaml has an EDGE_UPSTREAMS_ variable outside the edge-gateway service");
			}
			lastUpstream = upstreams.end();
		}
		if (lastUpstream < 0) {
			fail("compose.yaml's edge-gateway service has no EDGE_UPSTREAMS_ variable to add to");
		}
		edited = edited.substring(0, lastUpstream) + "\n      " + upstreamVariable() + ": http://" + this.module + ":"
				+ port + edited.substring(lastUpstream);
		Matcher dependsOn = Pattern.compile("(?m)^    depends_on:[ \\t]*$").matcher(edited);
		if (!dependsOn.find(edgeAt)) {
			fail("compose.yaml's edge-gateway service has no depends_on to add to");
		}
		return edited.substring(0, dependsOn.end()) + "\n      " + this.module + ":\n        condition: service_healthy"
				+ edited.substring(dependsOn.end());
	}

	/** The edge's upstream in Kubernetes, after the last one. */
	private String edgeDeploymentWithUpstream(String yaml, int port) {
		Matcher upstreams = Pattern.compile("(?m)^( +)- name: EDGE_UPSTREAMS_\\w+\\n +value: .*$").matcher(yaml);
		int lastUpstream = -1;
		String indent = null;
		while (upstreams.find()) {
			lastUpstream = upstreams.end();
			indent = upstreams.group(1);
		}
		if (lastUpstream < 0) {
			fail("deploy/base/edge-gateway.yaml has no EDGE_UPSTREAMS_ variable to add to");
		}
		return yaml.substring(0, lastUpstream) + "\n" + indent + "- name: " + upstreamVariable() + "\n" + indent
				+ "  value: http://" + this.module + ":" + port + yaml.substring(lastUpstream);
	}

	/** The overlay's image of the new BFF, in the form of the overlay's first image. */
	private String overlayWithImage(String yaml) {
		Matcher first = Pattern
			.compile("(?m)^images:[ \\t]*\\n(  - name: bff-template/)([\\w-]+)\\n((?:    (?:newName|newTag): .*\\n)+)")
			.matcher(yaml);
		if (!first.find()) {
			fail("an overlay's kustomization.yaml has no images: entry of bff-template/... to follow");
		}
		String image = first.group(1) + this.module + "\n" + first.group(3).replace(first.group(2), this.module);
		return yaml.substring(0, first.end()) + image + yaml.substring(first.end());
	}

	/** edge.upstreams.kiosk-bff as an environment variable (relaxed binding). */
	private String upstreamVariable() {
		return "EDGE_UPSTREAMS_" + this.module.replace("-", "").toUpperCase(Locale.ROOT);
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
			.replace("__module__", this.module)
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
