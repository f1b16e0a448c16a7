package dev.bfftemplate.demo.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one command: runs the whole stack on one machine on the ports of
 * docs/architecture.md, prints where to go and how to log in, and stops everything on
 * Ctrl-C.
 * <p>
 * Options: {@code --only=demo-services,demo-auth-server} runs a subset,
 * {@code --redis=redis://localhost:6379} shares one Redis (default: in-memory stores, or
 * {@code BFF_REDIS_URL}), {@code --quiet} keeps the applications' output in their log
 * files only, {@code --root=DIR} names the project root when run from elsewhere,
 * {@code --jvm-options="-XX:+UseParallelGC -Xmx512m"} (or {@code BFF_JVM_OPTIONS})
 * replaces the fast-start JVM options of every application (full JIT, as
 * bench/stack/run.sh runs the stack), {@code --port-offset=10000} moves every port
 * (public and management) up by that much, so a second stack can run beside one on the
 * default ports.
 */
public final class DemoLauncher {

	private DemoLauncher() {
	}

	public static void main(String[] args) throws InterruptedException {
		LaunchOptions options = LaunchOptions.parse(Arrays.asList(args));
		Path root = options.root().orElseGet(DemoLauncher::findRoot);
		DemoStack.Builder builder = DemoStack.builder(root).echo(!options.quiet());
		options.only().ifPresent(builder::only);
		options.redis().ifPresent(builder::redis);
		options.jvmOptions().ifPresent(builder::javaOptions);
		if (options.portOffset() != 0) {
			for (StackApp app : StackApp.defaults()) {
				builder.ports(app.name(), app.port() + options.portOffset(),
						app.managementPort() + options.portOffset());
			}
		}
		// The hook is in place before the first application starts: a launcher stopped
		// while
		// starting stops what has started instead of leaving it running.
		AtomicReference<DemoStack> starting = new AtomicReference<>();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			DemoStack started = starting.get();
			if (started != null) {
				System.out.println("[launcher] stopping the stack");
				started.close();
			}
			stopped.countDown();
		}, "stack-stop"));
		DemoStack stack;
		try {
			stack = builder.start(starting::set);
		}
		catch (RuntimeException ex) {
			System.err.println("[launcher] the stack did not start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		System.out.println(Banner.render(stack.apps()));
		stopped.await();
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("demo/launcher"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("Run the launcher from the project directory, or pass --root=DIR");
	}

	/**
	 * What to print once the stack is up.
	 */
	static final class Banner {

		/** Demo partner keys; partner-bff's application-demo.yaml holds their SHA-256. */
		static final String DEMO_ACME_KEY = "demo-acme-2f8c1e9a7b4d6053";

		static final String DEMO_GLOBEX_KEY = "demo-globex-91d4b7e2c6a8f310";

		private Banner() {
		}

		static String render(List<StackApp> apps) {
			StringBuilder banner = new StringBuilder("\n  The BFF template stack is up.\n\n");
			boolean edge = apps.stream().anyMatch((app) -> app.name().equals(StackApp.EDGE));
			boolean web = apps.stream().anyMatch((app) -> app.kind() == StackApp.Kind.BROWSER_BFF);
			if (edge && web) {
				banner.append("  Open the web app:    ")
					.append(apps.stream().filter((app) -> app.name().equals(StackApp.EDGE)).findFirst().get().baseUrl())
					.append("/\n\n");
			}
			for (StackApp app : apps) {
				banner.append(String.format("  %-34s %s   (health: http://127.0.0.1:%d/actuator/health)%n", app.role(),
						app.baseUrl(), app.managementPort()));
			}
			apps.stream().filter((app) -> app.name().equals(StackApp.DEMO_SERVICES)).findFirst().ifPresent((app) -> {
				banner.append("\n  Try:  curl ").append(app.baseUrl()).append("/catalog/products/p-001\n");
				banner.append("  Faults: curl -X POST http://127.0.0.1:")
					.append(app.managementPort())
					.append("/actuator/faults/reviews -H 'Content-Type: application/json' -d '{\"errorRate\":1.0}'\n");
			});
			apps.stream().filter((app) -> app.name().equals(StackApp.AUTH_SERVER)).findFirst().ifPresent((app) -> {
				banner.append("  OIDC: curl ").append(app.baseUrl()).append("/.well-known/openid-configuration\n");
				banner.append("\n  Demo logins: alice / alice-password, bob / bob-password\n");
			});
			boolean partner = apps.stream().anyMatch((app) -> app.name().equals(StackApp.PARTNER_BFF));
			if (edge && partner) {
				String edgeUrl = apps.stream()
					.filter((app) -> app.name().equals(StackApp.EDGE))
					.findFirst()
					.get()
					.baseUrl();
				banner.append("\n  Partner API contract: ").append(edgeUrl).append("/partner/v1/docs\n");
				banner.append("  Demo API keys: acme ")
					.append(DEMO_ACME_KEY)
					.append(", globex ")
					.append(DEMO_GLOBEX_KEY)
					.append("\n  Try:  curl -H 'X-API-Key: ")
					.append(DEMO_ACME_KEY)
					.append("' ")
					.append(edgeUrl)
					.append("/partner/v1/products/p-001\n");
			}
			banner.append("\n  Logs: demo/launcher/target/logs/<app>.log.  Press Ctrl-C to stop.\n");
			return banner.toString();
		}

	}

}
