package dev.bfftemplate.e2e.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.bfftemplate.demo.launcher.StackApp;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes overlays as {@code kubectl kustomize} renders them, read into fabric8's
 * typed Kubernetes model: every document must be a known kind whose every field the
 * Kubernetes schema knows, and together they must hold what a cluster operator relies on
 * (scaling, disruption budgets, who may talk to whom, secrets only by reference, TLS to
 * Redis in production).
 */
class KustomizeOverlaysTests {

	private static final Path OVERLAYS = Path.of("").toAbsolutePath().getParent().resolve("deploy/overlays");

	/** Every BFF of the stack, a BFF that kit/NewBff.java added included. */
	private static final Set<String> BFFS = StackApp.defaults()
		.stream()
		.filter((app) -> app.kind().isBff())
		.map(StackApp::name)
		.collect(Collectors.toCollection(TreeSet::new));

	/** The applications that keep state in Redis (a new BFF does not, until it does). */
	private static final Set<String> REDIS_CLIENTS = Set.of(StackApp.EDGE, StackApp.WEB_BFF, StackApp.MOBILE_BFF,
			StackApp.PARTNER_BFF);

	/** What browsers, apps and partners call: scaled by load, never below two. */
	private static final Set<String> SCALED = Stream.concat(Stream.of(StackApp.EDGE), BFFS.stream())
		.collect(Collectors.toCollection(TreeSet::new));

	/** Environment variables that carry a secret when given a value. */
	private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|ENCRYPTIONKEY|API_?KEY|TOKEN).*");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private static final Map<String, List<HasMetadata>> rendered = new LinkedHashMap<>();

	@BeforeAll
	static void render() {
		for (String overlay : List.of("local", "production")) {
			List<HasMetadata> resources = new ArrayList<>();
			for (String document : Kustomize.render(OVERLAYS.resolve(overlay)).split("(?m)^---$")) {
				if (!document.isBlank()) {
					resources.add(SERIALIZATION.unmarshal(document));
				}
			}
			rendered.put(overlay, resources);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyDocumentIsAKnownKindWithOnlyKnownFields(String overlay) {
		assertThat(rendered.get(overlay)).isNotEmpty().allSatisfy((resource) -> {
			assertThat(resource).as("%s", describe(resource)).isNotInstanceOf(GenericKubernetesResource.class);
			assertThat(unknownFields(resource, describe(resource))).as("fields the schema does not know").isEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyContainerHasResourcesAndProbes(String overlay) {
		for (Deployment deployment : all(overlay, Deployment.class)) {
			for (Container container : pod(deployment).getContainers()) {
				String what = deployment.getMetadata().getName() + "/" + container.getName();
				assertThat(container.getResources().getRequests()).as("requests of %s", what)
					.containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as("limits of %s", what).containsKey("memory");
				assertThat(container.getLivenessProbe()).as("liveness probe of %s", what).isNotNull();
				assertThat(container.getReadinessProbe()).as("readiness probe of %s", what).isNotNull();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void theEdgeAndTheBffsScaleWithLoadAndSurviveDrains(String overlay) {
		for (String app : SCALED) {
			HorizontalPodAutoscaler autoscaler = named(overlay, HorizontalPodAutoscaler.class, app);
			assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
			assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(app);
			assertThat(autoscaler.getSpec().getMinReplicas()).as("min replicas of %s", app).isGreaterThanOrEqualTo(2);
			assertThat(autoscaler.getSpec().getMaxReplicas()).as("max replicas of %s", app)
				.isGreaterThan(autoscaler.getSpec().getMinReplicas());
			PodDisruptionBudget budget = named(overlay, PodDisruptionBudget.class, app);
			assertThat(selects(budget.getSpec().getSelector(), named(overlay, Deployment.class, app)))
				.as("disruption budget of %s selects its pods", app)
				.isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void onlyTheEdgeReachesTheBffsAndOnlyTheBffsReachTheServices(String overlay) {
		for (String bff : BFFS) {
			if (bff.equals(StackApp.WEB_BFF)) {
				// and the auth server, for back-channel logout (server to server)
				assertThat(allowedClients(overlay, bff)).as("who may reach %s", bff)
					.containsExactlyInAnyOrder(StackApp.EDGE, StackApp.AUTH_SERVER);
			}
			else {
				assertThat(allowedClients(overlay, bff)).as("who may reach %s", bff).containsExactly(StackApp.EDGE);
			}
		}
		assertThat(allowedClients(overlay, StackApp.DEMO_SERVICES)).as("who may reach the domain services")
			.containsExactlyInAnyOrderElementsOf(BFFS);
		Set<String> edgeAndBffs = new TreeSet<>(BFFS);
		edgeAndBffs.add(StackApp.EDGE);
		assertThat(allowedClients(overlay, "redis")).as("who may reach Redis")
			.containsAll(REDIS_CLIENTS)
			.isSubsetOf(edgeAndBffs);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void secretsAreReferencedNeverInline(String overlay) {
		for (Deployment deployment : all(overlay, Deployment.class)) {
			for (Container container : pod(deployment).getContainers()) {
				for (EnvVar variable : container.getEnv()) {
					if (SECRET_NAME.matcher(variable.getName()).matches()) {
						assertThat(variable.getValue())
							.as("%s of %s holds a secret inline", variable.getName(),
									deployment.getMetadata().getName())
							.isNull();
						assertThat(variable.getValueFrom().getSecretKeyRef())
							.as("%s of %s", variable.getName(), deployment.getMetadata().getName())
							.isNotNull();
					}
				}
			}
		}
		Deployment web = named(overlay, Deployment.class, StackApp.WEB_BFF);
		assertThat(secretKeys(web)).contains("client-secret", "session-encryption-key", "password");
		for (String app : List.of(StackApp.EDGE, StackApp.MOBILE_BFF, StackApp.PARTNER_BFF)) {
			assertThat(secretKeys(named(overlay, Deployment.class, app))).as("secrets of %s", app).contains("password");
		}
		assertThat(secretVolumes(named(overlay, Deployment.class, StackApp.PARTNER_BFF))).as("API-key hashes")
			.anySatisfy((secret) -> assertThat(secret).startsWith("partner-bff-api-keys"));
		assertThat(secretVolumes(named(overlay, Deployment.class, "redis"))).as("Redis' ACL users")
			.anySatisfy((secret) -> assertThat(secret).startsWith("redis-auth"));
	}

	@Test
	void productionDefinesNoSecretsAndLocalGeneratesThemFromTheDemoFiles() {
		assertThat(all("production", Secret.class)).isEmpty();
		assertThat(all("local", Secret.class)).extracting((secret) -> secret.getMetadata().getName())
			.allSatisfy((name) -> assertThat(name).matches("(web-bff|redis-auth|partner-bff-api-keys)-[a-z0-9]{10}"))
			.hasSize(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "local", "production" })
	void everyImageHasAnExplicitTagThatIsNotLatest(String overlay) {
		for (Deployment deployment : all(overlay, Deployment.class)) {
			for (Container container : pod(deployment).getContainers()) {
				String image = container.getImage();
				String tag = image.substring(image.lastIndexOf('/') + 1).contains(":")
						? image.substring(image.lastIndexOf(':') + 1) : "";
				assertThat(tag).as("tag of %s", image).isNotEmpty().isNotEqualTo("latest");
				if (overlay.equals("production") && image.contains("bff-template/")) {
					assertThat(tag).as("production tag of %s", image).doesNotEndWith("SNAPSHOT");
				}
			}
		}
	}

	@Test
	void productionTalksToRedisOverTlsOnly() {
		Container redis = pod(named("production", Deployment.class, "redis")).getContainers().get(0);
		assertThat(String.join(" ", redis.getArgs())).contains("--port 0", "--tls-port 6379", "--aclfile");
		ConfigMap client = named("production", ConfigMap.class, "redis-client");
		assertThat(client.getData()).containsEntry("SPRING_DATA_REDIS_SSL_ENABLED", "true")
			.containsEntry("SPRING_DATA_REDIS_SSL_BUNDLE", "redis")
			.containsKey("SPRING_SSL_BUNDLE_PEM_REDIS_TRUSTSTORE_CERTIFICATE");
		for (String app : REDIS_CLIENTS) {
			Deployment deployment = named("production", Deployment.class, app);
			assertThat(pod(deployment).getContainers().get(0).getEnvFrom()).as("configuration of %s", app)
				.anySatisfy(
						(source) -> assertThat(source.getConfigMapRef()).extracting("name").isEqualTo("redis-client"));
			assertThat(secretVolumes(deployment)).as("secret volumes of %s", app).contains("redis-tls");
		}
		assertThat(named("local", ConfigMap.class, "redis-client").getData())
			.doesNotContainKey("SPRING_DATA_REDIS_SSL_ENABLED");
	}

	/** The app names of the pods a NetworkPolicy on {@code target}'s pods lets in. */
	private static Set<String> allowedClients(String overlay, String target) {
		Deployment targetDeployment = named(overlay, Deployment.class, target);
		List<NetworkPolicy> policies = all(overlay, NetworkPolicy.class).stream()
			.filter((policy) -> selects(policy.getSpec().getPodSelector(), targetDeployment))
			.toList();
		assertThat(policies).as("NetworkPolicies selecting %s", target).isNotEmpty();
		List<NetworkPolicyPeer> peers = policies.stream()
			.flatMap((policy) -> policy.getSpec().getIngress().stream())
			.flatMap((rule) -> rule.getFrom().stream())
			.toList();
		assertThat(peers).as("peers allowed into %s", target)
			.allSatisfy((peer) -> assertThat(peer.getIpBlock()).isNull())
			.allSatisfy((peer) -> assertThat(peer.getNamespaceSelector()).isNull());
		return all(overlay, Deployment.class).stream()
			.filter((client) -> peers.stream().anyMatch((peer) -> selects(peer.getPodSelector(), client)))
			.map((client) -> client.getMetadata().getName())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static boolean selects(LabelSelector selector, Deployment deployment) {
		assertThat(selector.getMatchExpressions()).isNullOrEmpty();
		Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
	}

	private static Set<String> secretKeys(Deployment deployment) {
		return pod(deployment).getContainers()
			.stream()
			.flatMap((container) -> container.getEnv().stream())
			.filter((variable) -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
			.map((variable) -> variable.getValueFrom().getSecretKeyRef().getKey())
			.collect(Collectors.toSet());
	}

	private static List<String> secretVolumes(Deployment deployment) {
		return pod(deployment).getVolumes()
			.stream()
			.filter((volume) -> volume.getSecret() != null)
			.map((volume) -> volume.getSecret().getSecretName())
			.toList();
	}

	private static PodSpec pod(Deployment deployment) {
		return deployment.getSpec().getTemplate().getSpec();
	}

	private static <T extends HasMetadata> List<T> all(String overlay, Class<T> type) {
		return rendered.get(overlay).stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static <T extends HasMetadata> T named(String overlay, Class<T> type, String name) {
		List<T> found = all(overlay, type).stream()
			.filter((resource) -> resource.getMetadata().getName().equals(name))
			.toList();
		assertThat(found).as("%s %s in overlay %s", type.getSimpleName(), name, overlay).hasSize(1);
		return found.get(0);
	}

	private static String describe(HasMetadata resource) {
		return resource.getKind() + " " + resource.getMetadata().getName();
	}

	/**
	 * Paths of fields that fabric8 kept aside as "additional properties": what the
	 * Kubernetes schema does not define (a typo, a field at the wrong level).
	 */
	private static List<String> unknownFields(Object value, String path) {
		List<String> unknown = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				unknown.addAll(unknownFields(element, path + "[" + index++ + "]"));
			}
			return unknown;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> unknown.addAll(unknownFields(element, path + "." + key)));
			return unknown;
		}
		if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return unknown;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
				continue;
			}
			Object field = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) field).keySet().forEach((key) -> unknown.add(path + "." + key));
			}
			else {
				unknown.addAll(unknownFields(field, path + "." + getter.getName().substring(3)));
			}
		}
		return unknown;
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + getter, ex);
		}
	}

}
