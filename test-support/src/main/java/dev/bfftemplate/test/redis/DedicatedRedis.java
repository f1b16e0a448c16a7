package dev.bfftemplate.test.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of one test's own, for the tests that stop Redis and start it
 * again (an outage, a restart): the JVM's shared {@link RealRedis} must keep running for
 * every other test. It is started on a free loopback port, stopped by its own process
 * handle (never by name), and started again on the same port with the same data (an
 * append-only file in a temporary directory, written on every command).
 * <p>
 * It needs a {@code redis-server} binary on the {@code PATH}: a server given by
 * {@value RealRedis#URL_VARIABLE} or a container cannot be stopped by the test.
 */
public final class DedicatedRedis implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);

	private final Path binary;

	private final Path dataDirectory;

	private final int port;

	private Process process;

	private DedicatedRedis(Path binary, Path dataDirectory, int port) {
		this.binary = binary;
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/**
	 * Starts a server on a free loopback port and waits until it answers {@code PING}.
	 * @return the running server; close it when done
	 */
	public static DedicatedRedis start() {
		Path binary = RealRedis.findOnPath("redis-server")
			.orElseThrow(() -> new IllegalStateException(
					"This test stops and restarts a Redis of its own: it needs redis-server on the PATH "
							+ "(Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis)"));
		try {
			DedicatedRedis redis = new DedicatedRedis(binary, Files.createTempDirectory("bff-test-dedicated-redis-"),
					freePort());
			redis.restart();
			return redis;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where it answers (while it runs).
	 * @return the endpoint
	 */
	public RedisEndpoint endpoint() {
		return new RedisEndpoint("127.0.0.1", this.port, "dedicated redis-server pid " + this.process.pid());
	}

	/**
	 * Its port, the same across restarts.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Its {@code redis://} URL, for {@code spring.data.redis.url}.
	 * @return the URL
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the server (again) on its port with its data, and waits until it answers
	 * {@code PING}.
	 */
	public void restart() {
		List<String> command = List.of(this.binary.toString(), "--port", String.valueOf(this.port), "--bind",
				"127.0.0.1", "--dir", this.dataDirectory.toString(), "--appendonly", "yes", "--appendfsync", "always",
				"--save", "", "--protected-mode", "no", "--daemonize", "no");
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDirectory.resolve("redis.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.binary, ex);
		}
		awaitPing();
	}

	/**
	 * Stops the server by its process and waits until it has exited.
	 */
	public void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping redis-server", ex);
		}
	}

	/**
	 * How many keys the server holds ({@code DBSIZE}).
	 * @return the key count
	 */
	public long keys() {
		try {
			String reply = command("DBSIZE");
			// an integer reply: ":<n>\r\n"
			return Long.parseLong(reply.substring(1).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void awaitPing() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + this.process.exitValue() + ", see "
						+ this.dataDirectory.resolve("redis.log"));
			}
			try {
				if (command("PING").startsWith("+PONG")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for redis-server", ex);
			}
		}
		throw new IllegalStateException("redis-server on port " + this.port + " did not answer PING within "
				+ STARTUP_TIMEOUT.toSeconds() + " s, see " + this.dataDirectory.resolve("redis.log"));
	}

	private String command(String command) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[64];
			int read = in.read(reply);
			return new String(reply, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

}
