package dev.bfftemplate.demo.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole stack as child processes of this JVM: each application's built jar, started
 * in dependency order, each waited for until its {@code /readyz} answers, and all stopped
 * by their own process handles (graceful first) on {@link #close()}.
 * <p>
 * Used by {@link DemoLauncher} (the one command) and by the end-to-end tests, which run
 * the stack on free ports.
 */
public final class DemoStack implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Deque<Running> running = new ArrayDeque<>();

	private final Map<String, StackApp> apps = new LinkedHashMap<>();

	// set by close(): an application is never started after it (a stop while starting)
	private boolean closed;

	private final Consumer<String> log;

	private DemoStack(Consumer<String> log) {
		this.log = log;
	}

	/**
	 * Starts building a stack of the project at {@code root}.
	 * @param root the project root (where the parent {@code pom.xml} is)
	 * @return the builder
	 */
	public static Builder builder(Path root) {
		return new Builder(root);
	}

	/**
	 * An application of the running stack.
	 * @param name its name, e.g. {@link StackApp#DEMO_SERVICES}
	 * @return the application, with the ports it runs on
	 */
	public StackApp app(String name) {
		StackApp app = this.apps.get(name);
		if (app == null) {
			throw new IllegalArgumentException(name + " is not running in this stack");
		}
		return app;
	}

	/**
	 * The applications that are running, in start order.
	 * @return the applications
	 */
	public synchronized List<StackApp> apps() {
		return List.copyOf(this.apps.values());
	}

	/**
	 * Stops every application, the last started first: SIGTERM (Spring's graceful
	 * shutdown), then a forced stop after a grace period.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		while (!this.running.isEmpty()) {
			Running app = this.running.pop();
			app.process.destroy();
			try {
				if (!app.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					this.log.accept(app.app.name() + " did not stop in " + STOP_TIMEOUT.toSeconds() + "s, forcing");
					app.process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				app.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			this.log.accept("stopped " + app.app.name() + " (pid " + app.process.pid() + ")");
		}
	}

	/**
	 * The process of a running application, for tests that stop one on purpose.
	 * @param name the application's name
	 * @return its process handle
	 */
	public synchronized ProcessHandle process(String name) {
		return this.running.stream()
			.filter((candidate) -> candidate.app.name().equals(name))
			.findFirst()
			.map((candidate) -> candidate.process.toHandle())
			.orElseThrow(() -> new IllegalArgumentException(name + " is not running in this stack"));
	}

	private void start(Path jar, StackApp app, List<String> arguments, List<String> javaOptions, Path logDir,
			boolean echo) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(arguments);
		Files.createDirectories(logDir);
		Path logFile = logDir.resolve(app.name() + ".log");
		Process process;
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("the stack was stopped while starting: " + app.name() + " not started");
			}
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
			this.running.push(new Running(app, process));
			this.apps.put(app.name(), app);
		}
		this.log.accept("starting " + app.name() + " on port " + app.port() + " (pid " + process.pid() + ", log "
				+ logFile + ")");
		Thread pump = new Thread(() -> pump(app, process, logFile, echo), app.name() + "-output");
		pump.setDaemon(true);
		pump.start();
		awaitReady(app, process);
	}

	private void pump(StackApp app, Process process, Path logFile, boolean echo) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter file = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true)) {
			String line;
			while ((line = reader.readLine()) != null) {
				file.println(line);
				if (echo) {
					System.out.println("[" + app.name() + "] " + line);
				}
			}
		}
		catch (IOException ex) {
			// The process is gone; its exit is reported by whoever waits for it.
		}
	}

	private void awaitReady(StackApp app, Process process) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + app.managementPort() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(app.name() + " exited with code " + process.exitValue()
						+ " before it was ready; see its log for why");
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					this.log.accept(app.name() + " is ready at " + app.baseUrl());
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + app.name(), ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + app.name(), ex);
			}
		}
		throw new IllegalStateException(app.name() + " was not ready within " + READY_TIMEOUT.toSeconds() + "s");
	}

	/**
	 * Finds an application's executable jar under its module's {@code target} directory.
	 * @param root the project root
	 * @param app the application
	 * @return the jar, when the module has been built
	 */
	static Optional<Path> findJar(Path root, StackApp app) {
		Path target = root.resolve(app.module()).resolve("target");
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith(app.name() + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
						&& !name.endsWith("-javadoc.jar") && !name.endsWith("-plain.jar");
			}).findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Running(StackApp app, Process process) {
	}

	/**
	 * Chooses the applications, their ports and where logs go, then starts them.
	 */
	public static final class Builder {

		private final Path root;

		private final Map<String, StackApp> apps = new LinkedHashMap<>();

		private final Map<String, List<String>> extraArguments = new LinkedHashMap<>();

		private List<String> javaOptions = List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m");

		private String redisUrl;

		private Map<String, String> environment = System.getenv();

		private Path logDir;

		private boolean echo;

		private boolean requireAll;

		private Consumer<String> log = (line) -> System.out.println("[launcher] " + line);

		private Builder(Path root) {
			this.root = root.toAbsolutePath().normalize();
			this.logDir = this.root.resolve("demo/launcher/target/logs");
			StackApp.defaults().forEach((app) -> this.apps.put(app.name(), app));
		}

		/**
		 * Runs only the named applications (default: all of them).
		 * @param names application names
		 * @return this builder
		 */
		public Builder only(List<String> names) {
			for (String name : names) {
				if (!this.apps.containsKey(name)) {
					throw new IllegalArgumentException(
							"Unknown application '" + name + "'; known: " + this.apps.keySet());
				}
			}
			this.apps.keySet().retainAll(names);
			return this;
		}

		/**
		 * Moves an application to other ports.
		 * @param name the application
		 * @param port the public port
		 * @param managementPort the management port
		 * @return this builder
		 */
		public Builder ports(String name, int port, int managementPort) {
			this.apps.computeIfPresent(name, (key, app) -> app.withPorts(port, managementPort));
			return this;
		}

		/**
		 * Adds command-line properties for one application.
		 * @param name the application
		 * @param arguments e.g. {@code --demo.faults.reviews.error-rate=1}
		 * @return this builder
		 */
		public Builder arguments(String name, String... arguments) {
			this.extraArguments.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(List.of(arguments));
			return this;
		}

		/**
		 * Shares one Redis between all applications (default: from {@code BFF_REDIS_URL}
		 * or {@code SPRING_DATA_REDIS_HOST}, else in-memory stores).
		 * @param url a {@code redis://host:port} URL
		 * @return this builder
		 */
		public Builder redis(String url) {
			this.redisUrl = url;
			return this;
		}

		Builder environment(Map<String, String> environment) {
			this.environment = environment;
			return this;
		}

		/**
		 * JVM options of every application.
		 * @param options the options
		 * @return this builder
		 */
		public Builder javaOptions(List<String> options) {
			this.javaOptions = List.copyOf(options);
			return this;
		}

		/**
		 * Where each application's log file goes.
		 * @param logDir the directory
		 * @return this builder
		 */
		public Builder logDir(Path logDir) {
			this.logDir = logDir;
			return this;
		}

		/**
		 * Echoes every application's output to standard output, prefixed with its name.
		 * @param echo whether to echo
		 * @return this builder
		 */
		public Builder echo(boolean echo) {
			this.echo = echo;
			return this;
		}

		/**
		 * Fails instead of skipping an application whose jar has not been built.
		 * @return this builder
		 */
		public Builder requireAll() {
			this.requireAll = true;
			return this;
		}

		/**
		 * Where the launcher's own lines go.
		 * @param log the sink
		 * @return this builder
		 */
		public Builder log(Consumer<String> log) {
			this.log = log;
			return this;
		}

		/**
		 * Starts the chosen applications in order and waits until each is ready. If one
		 * fails, those already started are stopped again.
		 * @return the running stack; close it to stop
		 */
		public DemoStack start() {
			return start((stack) -> {
			});
		}

		/**
		 * Starts the chosen applications like {@link #start()}, handing the stack to
		 * {@code created} before the first one starts, so that a shutdown hook can stop
		 * what has started if the launcher is stopped while starting.
		 * @param created receives the stack as soon as it exists
		 * @return the running stack; close it to stop
		 */
		public DemoStack start(Consumer<DemoStack> created) {
			RedisChoice redis = RedisChoice.from(this.redisUrl, this.environment);
			this.log.accept(redis.describe());
			List<StackApp> chosen = List.copyOf(this.apps.values());
			StackWiring wiring = new StackWiring(chosen, redis);
			DemoStack stack = new DemoStack(this.log);
			created.accept(stack);
			try {
				for (StackApp app : chosen) {
					Optional<Path> jar = findJar(this.root, app);
					if (jar.isEmpty()) {
						String message = app.name() + " is not built (no jar in " + app.module()
								+ "/target): run ./mvnw -DskipTests package";
						if (this.requireAll) {
							throw new IllegalStateException(message);
						}
						this.log.accept("skipping " + message);
						continue;
					}
					List<String> arguments = new ArrayList<>(wiring.argumentsFor(app));
					arguments.addAll(this.extraArguments.getOrDefault(app.name(), List.of()));
					stack.start(jar.get(), app, arguments, this.javaOptions, this.logDir, this.echo);
				}
				return stack;
			}
			catch (IOException | RuntimeException ex) {
				stack.close();
				throw (ex instanceof RuntimeException runtime) ? runtime : new UncheckedIOException((IOException) ex);
			}
		}

	}

}
