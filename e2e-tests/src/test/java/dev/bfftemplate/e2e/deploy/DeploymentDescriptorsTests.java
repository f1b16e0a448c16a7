package dev.bfftemplate.e2e.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bfftemplate.demo.launcher.StackApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold of {@code compose.yaml} and of the Kubernetes overlays in
 * {@code deploy/} as {@code kubectl kustomize} renders them, checked by reading them: a
 * build machine has neither a Docker engine nor a cluster to run them on
 * (deploy/compose-smoke.sh runs compose.yaml where Docker is). The reference is the
 * launcher's {@link StackApp#defaults()}, so an application added to the stack without a
 * compose service and a Deployment fails here.
 */
class DeploymentDescriptorsTests {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Path DEPLOY = ROOT.resolve("deploy");

	private static final Path BASE = DEPLOY.resolve("deploy/base".substring("deploy/".length()));

	private static final List<String> OVERLAYS = List.of("local", "production");

	/** {@code ${BFF_TAG:-0.1.0-SNAPSHOT}}: compose's image tag, overridable. */
	private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

	private static final List<StackApp> APPS = StackApp.defaults();

	/** The browser reaches the edge, and the demo auth server to log in: nothing else. */
	private static final Set<String> PUBLISHED = Set.of(StackApp.EDGE, StackApp.AUTH_SERVER);

	/** What browsers, apps and partners call: these run more than one replica. */
	private static final Set<String> REPLICATED = Set.of(StackApp.EDGE, StackApp.WEB_BFF, StackApp.MOBILE_BFF,
			StackApp.PARTNER_BFF);

	private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

	private static Map<String, Object> composeServices;

	/**
	 * Each overlay as {@code kubectl kustomize} renders it: what {@code kubectl apply -k}
	 * sends.
	 */
	private static Map<String, List<Map<String, Object>>> manifests;

	private static Map<String, Object> compose;

	@BeforeAll
	static void readDescriptors() throws IOException {
		compose = load(ROOT.resolve("compose.yaml")).get(0);
		composeServices = map(compose.get("services"));
		manifests = new LinkedHashMap<>();
		for (String overlay : OVERLAYS) {
			manifests.put(overlay, loadAll(Kustomize.render(DEPLOY.resolve("overlays").resolve(overlay))));
		}
	}

	@Test
	void composeRunsEveryApplicationFromTheImageJibBuilds() {
		for (StackApp app : APPS) {
			assertThat(composeServices).as("compose service of %s", app.name()).containsKey(app.name());
			Map<String, Object> service = map(composeServices.get(app.name()));
			assertThat(service).as("compose service of %s", app.name()).doesNotContainKey("build");
			assertThat(string(service.get("image"))).as("image of %s", app.name())
				.startsWith("bff-template/" + app.name() + ":");
		}
		assertThat(composeServices).containsKey("redis");
	}

	@Test
	void composeFileIsReadByDockerCompose129() {
		// docker-compose 1.29 (Debian's) rejects a top-level name: the project name is in
		// .env.
		assertThat(compose).doesNotContainKey("name");
		assertThat(ROOT.resolve(".env")).content().contains("COMPOSE_PROJECT_NAME=");
	}

	@Test
	void composePublishesOnlyTheEdgeAndTheAuthServer() {
		for (Map.Entry<String, Object> entry : composeServices.entrySet()) {
			List<Integer> published = publishedContainerPorts(map(entry.getValue()));
			StackApp app = APPS.stream()
				.filter((candidate) -> candidate.name().equals(entry.getKey()))
				.findFirst()
				.orElse(null);
			if (app != null && PUBLISHED.contains(app.name())) {
				assertThat(published).as("ports %s publishes", app.name()).containsExactly(app.port());
			}
			else {
				assertThat(published).as("ports %s publishes", entry.getKey()).isEmpty();
			}
		}
	}

	@Test
	void composeChecksReadinessOnThePublicPort() {
		for (StackApp app : APPS) {
			Map<String, Object> healthcheck = map(map(composeServices.get(app.name())).get("healthcheck"));
			assertThat(String.join(" ", strings(healthcheck.get("test")))).as("healthcheck of %s", app.name())
				.contains("http://localhost:" + app.port() + "/readyz");
		}
	}

	@Test
	void composeStartsEachApplicationAfterWhatItDependsOnIsHealthy() {
		List<String> order = APPS.stream().map(StackApp::name).toList();
		for (StackApp app : APPS) {
			Map<String, Object> dependsOn = map(
					map(composeServices.get(app.name())).getOrDefault("depends_on", Map.of()));
			dependsOn.forEach((dependency, condition) -> {
				assertThat(map(condition).get("condition")).as("%s waiting for %s", app.name(), dependency)
					.isEqualTo("service_healthy");
				if (!dependency.equals("redis")) {
					assertThat(order.indexOf(dependency)).as("%s starts after %s", app.name(), dependency)
						.isBetween(0, order.indexOf(app.name()) - 1);
				}
			});
		}
		assertThat(map(map(composeServices.get(StackApp.EDGE)).get("depends_on"))).containsKeys(StackApp.WEB_BFF,
				StackApp.MOBILE_BFF, StackApp.PARTNER_BFF);
	}

	@Test
	void baseKustomizationAppliesEveryManifest() throws IOException {
		List<String> resources = strings(load(BASE.resolve("kustomization.yaml")).get(0).get("resources"));
		assertThat(resources).containsExactlyInAnyOrderElementsOf(
				baseManifestFiles().stream().map((file) -> file.getFileName().toString()).toList());
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyApplicationHasADeploymentAndAServiceOnItsPublicPortOnly(String overlay) {
		for (StackApp app : APPS) {
			Map<String, Object> container = container(deployment(overlay, app));
			assertThat(containerPorts(container)).as("container ports of %s", app.name())
				.containsExactly(Map.entry("http", app.port()));
			Map<String, Object> service = named(overlay, "Service", app.name());
			List<Map<String, Object>> ports = maps(map(service.get("spec")).get("ports"));
			assertThat(ports).as("ports of Service %s", app.name()).hasSize(1);
			assertThat(ports.get(0).get("port")).isEqualTo(app.port());
			assertThat(resolve(ports.get(0).get("targetPort"), container)).as("target port of Service %s", app.name())
				.isEqualTo(app.port());
		}
	}

	@Test
	void composeAndTheLocalOverlayRunTheSameImages() {
		for (StackApp app : APPS) {
			String composeImage = DEFAULTED_VARIABLE.matcher(string(map(composeServices.get(app.name())).get("image")))
				.replaceAll("$1");
			assertThat(container(deployment("local", app)).get("image")).as("image of %s", app.name())
				.isEqualTo(composeImage);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void noServiceExposesAManagementPort(String overlay) {
		Set<Integer> managementPorts = APPS.stream().map(StackApp::managementPort).collect(Collectors.toSet());
		for (Map<String, Object> service : ofKind(overlay, "Service")) {
			for (Map<String, Object> port : maps(map(service.get("spec")).get("ports"))) {
				assertThat(managementPorts).as("port of Service %s", name(service))
					.doesNotContain(integer(port.get("port")));
				if (port.get("targetPort") instanceof Integer target) {
					assertThat(managementPorts).as("target port of Service %s", name(service)).doesNotContain(target);
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void probesAreLivezAndReadyzOnThePublicPort(String overlay) {
		for (StackApp app : APPS) {
			Map<String, Object> container = container(deployment(overlay, app));
			assertProbe(app, container, "livenessProbe", "/livez");
			assertProbe(app, container, "readinessProbe", "/readyz");
			if (container.containsKey("startupProbe")) {
				assertProbe(app, container, "startupProbe", "/livez");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyContainerRunsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
		for (Map<String, Object> deployment : ofKind(overlay, "Deployment")) {
			Map<String, Object> pod = podSpec(deployment);
			List<Map<String, Object>> containers = new ArrayList<>(maps(pod.get("containers")));
			containers.addAll(maps(pod.getOrDefault("initContainers", List.of())));
			for (Map<String, Object> container : containers) {
				Map<String, Object> securityContext = map(container.get("securityContext"));
				assertThat(securityContext).as("securityContext of container %s", container.get("name"))
					.containsEntry("runAsNonRoot", true)
					.containsEntry("readOnlyRootFilesystem", true)
					.containsEntry("allowPrivilegeEscalation", false);
			}
		}
		for (StackApp app : APPS) {
			// The JVM and Netty write to /tmp: with a read-only root it must be a volume.
			List<Map<String, Object>> mounts = maps(container(deployment(overlay, app)).get("volumeMounts"));
			assertThat(mounts).as("volume mounts of %s", app.name())
				.anySatisfy((mount) -> assertThat(mount).containsEntry("mountPath", "/tmp"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void podsOutliveThePreStopPauseAndTheGracefulShutdown(String overlay) throws IOException {
		for (StackApp app : APPS) {
			Map<String, Object> deployment = deployment(overlay, app);
			List<String> preStop = strings(
					map(map(map(container(deployment).get("lifecycle")).get("preStop")).get("exec")).get("command"));
			assertThat(preStop).as("preStop of %s", app.name()).hasSize(2).startsWith("sleep");
			int pause = Integer.parseInt(preStop.get(1));
			assertThat(integer(podSpec(deployment).get("terminationGracePeriodSeconds")))
				.as("termination grace period of %s", app.name())
				.isGreaterThan(pause + shutdownPhaseSeconds(app));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void browserAppAndPartnerFacingApplicationsRunTwoReplicas(String overlay) {
		for (StackApp app : APPS) {
			if (REPLICATED.contains(app.name())) {
				assertThat(integer(map(deployment(overlay, app).get("spec")).get("replicas")))
					.as("replicas of %s", app.name())
					.isGreaterThanOrEqualTo(2);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void onlyTheEdgeIsReachableFromOutsideTheCluster(String overlay) {
		for (Map<String, Object> service : ofKind(overlay, "Service")) {
			Object type = map(service.get("spec")).getOrDefault("type", "ClusterIP");
			if (!name(service).equals(StackApp.EDGE)) {
				assertThat(type).as("type of Service %s", name(service)).isEqualTo("ClusterIP");
			}
		}
		List<Map<String, Object>> ingresses = ofKind(overlay, "Ingress");
		assertThat(ingresses).isNotEmpty();
		for (Map<String, Object> ingress : ingresses) {
			for (Map<String, Object> rule : maps(map(ingress.get("spec")).get("rules"))) {
				for (Map<String, Object> path : maps(map(rule.get("http")).get("paths"))) {
					assertThat(map(map(path.get("backend")).get("service")).get("name"))
						.as("backend of Ingress %s", name(ingress))
						.isEqualTo(StackApp.EDGE);
				}
			}
		}
	}

	private static void assertProbe(StackApp app, Map<String, Object> container, String probe, String path) {
		Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
		assertThat(httpGet.get("path")).as("%s path of %s", probe, app.name()).isEqualTo(path);
		assertThat(resolve(httpGet.get("port"), container)).as("%s port of %s", probe, app.name())
			.isEqualTo(app.port());
	}

	private static int shutdownPhaseSeconds(StackApp app) throws IOException {
		Path config = ROOT.resolve(app.module()).resolve("src/main/resources/application.yaml");
		Object lifecycle = map(load(config).get(0).get("spring")).get("lifecycle");
		Object phase = (lifecycle != null) ? map(lifecycle).get("timeout-per-shutdown-phase") : null;
		if (phase == null) {
			// the BFFs take it from the starter's shipped defaults
			Path defaults = ROOT.resolve(
					"shared-bff-starter/src/main/resources/dev/bfftemplate/starter/autoconfigure/bff-defaults.yaml");
			phase = map(map(load(defaults).get(0).get("spring")).get("lifecycle")).get("timeout-per-shutdown-phase");
		}
		Matcher seconds = SECONDS.matcher(string(phase));
		assertThat(seconds.matches()).as("shutdown phase of %s in seconds", app.name()).isTrue();
		return Integer.parseInt(seconds.group(1));
	}

	/** A port given by name means the container port of that name. */
	private static Integer resolve(Object port, Map<String, Object> container) {
		return (port instanceof Integer number) ? number : containerPorts(container).get(string(port));
	}

	private static Map<String, Integer> containerPorts(Map<String, Object> container) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Map<String, Object> port : maps(container.get("ports"))) {
			ports.put(string(port.get("name")), integer(port.get("containerPort")));
		}
		return ports;
	}

	/**
	 * The container side of every published port: short syntax ({@code "8080:8080"},
	 * {@code "127.0.0.1:8080:8080"}, or a bare container port published on a random host
	 * port) and long syntax ({@code target}).
	 */
	private static List<Integer> publishedContainerPorts(Map<String, Object> service) {
		List<Integer> ports = new ArrayList<>();
		for (Object port : list(service.getOrDefault("ports", List.of()))) {
			if (port instanceof Map<?, ?> longSyntax) {
				ports.add(integer(longSyntax.get("target")));
			}
			else {
				String text = String.valueOf(port).replaceAll("/(tcp|udp)$", "");
				ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
			}
		}
		return ports;
	}

	private static Map<String, Object> deployment(String overlay, StackApp app) {
		return named(overlay, "Deployment", app.name());
	}

	private static Map<String, Object> podSpec(Map<String, Object> deployment) {
		return map(map(map(deployment.get("spec")).get("template")).get("spec"));
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Map<String, Object>> containers = maps(podSpec(deployment).get("containers"));
		assertThat(containers).as("containers of %s", name(deployment)).hasSize(1);
		return containers.get(0);
	}

	private static Map<String, Object> named(String overlay, String kind, String name) {
		List<Map<String, Object>> found = ofKind(overlay, kind).stream()
			.filter((manifest) -> name(manifest).equals(name))
			.toList();
		assertThat(found).as("%s %s in overlay %s", kind, name, overlay).hasSize(1);
		return found.get(0);
	}

	private static List<Map<String, Object>> ofKind(String overlay, String kind) {
		return manifests.get(overlay).stream().filter((manifest) -> kind.equals(manifest.get("kind"))).toList();
	}

	private static String name(Map<String, Object> manifest) {
		return string(map(manifest.get("metadata")).get("name"));
	}

	private static List<Path> baseManifestFiles() throws IOException {
		try (Stream<Path> files = Files.list(BASE)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList();
		}
	}

	private static List<Map<String, Object>> loadAll(String yamlDocuments) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml.loadAll(yamlDocuments)) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	/** Every document of a file; Kubernetes manifests hold several. */
	private static List<Map<String, Object>> load(Path file) throws IOException {
		assertThat(file).as("descriptor").isRegularFile();
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : yaml.loadAll(reader)) {
				if (document != null) {
					documents.add(map(document));
				}
			}
		}
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<?> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<?>) value;
	}

	private static List<Map<String, Object>> maps(Object value) {
		return list(value).stream().map(DeploymentDescriptorsTests::map).toList();
	}

	private static List<String> strings(Object value) {
		return list(value).stream().map(DeploymentDescriptorsTests::string).toList();
	}

	private static String string(Object value) {
		return Objects.toString(value, null);
	}

	private static int integer(Object value) {
		assertThat(value).isInstanceOf(Integer.class);
		return (Integer) value;
	}

}
