package dev.bfftemplate.test.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Redis for tests, one per test JVM, shared by every test class.
 * <p>
 * Tried in this order:
 * <ol>
 * <li>an explicit server from the {@value #URL_VARIABLE} environment variable (or system
 * property {@value #URL_PROPERTY}), e.g. {@code redis://localhost:6379};</li>
 * <li>a {@code redis-server} binary on the {@code PATH}, started on a free loopback port
 * with persistence off and stopped when the JVM exits;</li>
 * <li>Testcontainers' Redis image where a Docker engine answers.</li>
 * </ol>
 * When none is available, {@link #endpoint()} fails with a message that says how to get
 * one. Never a mock: the point of these tests is to prove behaviour against Redis itself.
 */
public final class RealRedis {

	/** Environment variable naming an existing Redis server. */
	public static final String URL_VARIABLE = "BFF_TEST_REDIS_URL";

	/** System property naming an existing Redis server. */
	public static final String URL_PROPERTY = "bff.test.redis.url";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

	private static final String REDIS_IMAGE = "redis:7.4-alpine";

	private static volatile RedisEndpoint shared;

	private RealRedis() {
	}

	/**
	 * The shared real Redis of this JVM, found or started on first use.
	 * @return where it answers
	 * @throws IllegalStateException when no Redis can be had
	 */
	public static RedisEndpoint endpoint() {
		RedisEndpoint endpoint = shared;
		if (endpoint == null) {
			synchronized (RealRedis.class) {
				endpoint = shared;
				if (endpoint == null) {
					endpoint = locate();
					shared = endpoint;
				}
			}
		}
		return endpoint;
	}

	/**
	 * Command-line arguments that point a Spring Boot application at the shared real
	 * Redis, for {@code Test<App>Application} main methods:
	 * {@code SpringApplication.from(App::main).run(RealRedis.arguments(args))}.
	 * Arguments, unlike properties registered by a bean, are visible to the application's
	 * {@code @Conditional} configuration (such as "sessions in Redis when Redis is
	 * configured").
	 * @param args the arguments the main method received
	 * @return those arguments plus {@code spring.data.redis.host} and {@code port}
	 */
	public static String[] arguments(String... args) {
		RedisEndpoint redis = endpoint();
		String[] withRedis = java.util.Arrays.copyOf(args, args.length + 2);
		withRedis[args.length] = "--spring.data.redis.host=" + redis.host();
		withRedis[args.length + 1] = "--spring.data.redis.port=" + redis.port();
		return withRedis;
	}

	private static RedisEndpoint locate() {
		Optional<String> explicit = Optional.ofNullable(System.getProperty(URL_PROPERTY))
			.or(() -> Optional.ofNullable(System.getenv(URL_VARIABLE)))
			.filter((url) -> !url.isBlank());
		if (explicit.isPresent()) {
			URI uri = URI.create(explicit.get());
			int port = (uri.getPort() != -1) ? uri.getPort() : 6379;
			awaitPing(uri.getHost(), port, null);
			return new RedisEndpoint(uri.getHost(), port, "explicit " + URL_VARIABLE);
		}
		Optional<Path> binary = findOnPath("redis-server");
		if (binary.isPresent()) {
			return startServer(binary.get());
		}
		if (dockerAvailable()) {
			return startContainer();
		}
		throw new IllegalStateException(
				"""
						No Redis available for the tests. Provide one of:
						  - a redis-server binary on the PATH (Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis),
						  - an existing server: export %s=redis://localhost:6379,
						  - a running Docker engine for Testcontainers.
						"""
					.formatted(URL_VARIABLE));
	}

	private static RedisEndpoint startServer(Path binary) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no"));
		try {
			Path logFile = Files.createTempFile("bff-test-redis-", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.start();
			// Stopped by its own process handle, never by name.
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "redis-server-stop"));
			awaitPing("127.0.0.1", port, process);
			return new RedisEndpoint("127.0.0.1", port, "redis-server pid " + process.pid());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + binary, ex);
		}
	}

	@SuppressWarnings("resource")
	private static RedisEndpoint startContainer() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
			.withExposedPorts(6379);
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "redis-container-stop"));
		return new RedisEndpoint(container.getHost(), container.getMappedPort(6379), "testcontainers");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static Optional<Path> findOnPath(String name) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		// Debian installs redis-server to /usr/bin; some images keep sbin off a non-root
		// PATH.
		return Stream
			.concat(Stream.of(path.split(java.io.File.pathSeparator)),
					Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/opt/homebrew/bin"))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

	private static void awaitPing(String host, int port, Process process) {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		IOException last = null;
		while (System.nanoTime() < deadline) {
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + process.exitValue());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 500);
				socket.setSoTimeout(1000);
				OutputStream out = socket.getOutputStream();
				out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				InputStream in = socket.getInputStream();
				byte[] reply = in.readNBytes(7);
				if (new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG")) {
					return;
				}
			}
			catch (IOException ex) {
				last = ex;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Redis", ex);
			}
		}
		throw new IllegalStateException(
				"Redis at " + host + ":" + port + " did not answer PING within " + STARTUP_TIMEOUT.toSeconds() + "s",
				last);
	}

}
