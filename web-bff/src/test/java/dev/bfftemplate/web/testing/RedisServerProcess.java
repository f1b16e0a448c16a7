package dev.bfftemplate.web.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.test.util.TestSocketUtils;

import static org.awaitility.Awaitility.await;

/**
 * A {@code redis-server} of one test's own, which the test may stop (by its process,
 * never by name) and start again on the same port with the same data (append-only file),
 * unlike the JVM's shared one.
 */
public final class RedisServerProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private final Path binary;

	private final Path dataDirectory;

	private final int port;

	private Process process;

	private RedisServerProcess(Path binary, Path dataDirectory, int port) {
		this.binary = binary;
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/**
	 * Starts a server on a free loopback port.
	 * @return the running server
	 * @throws IOException if it cannot be started
	 */
	public static RedisServerProcess start() throws IOException {
		Path binary = findBinary().orElseThrow(() -> new IllegalStateException(
				"This test needs its own redis-server, which it stops and restarts: install one on the PATH "
						+ "(Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis)"));
		RedisServerProcess server = new RedisServerProcess(binary, Files.createTempDirectory("web-bff-redis-"),
				TestSocketUtils.findAvailableTcpPort());
		server.startAgain();
		return server;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stops the server by its process and waits until it has exited.
	 * @throws InterruptedException if interrupted
	 */
	public void stop() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

	/**
	 * Starts the server again on the same port and data directory, and waits until it
	 * answers {@code PING}.
	 * @throws IOException if it cannot be started
	 */
	public void startAgain() throws IOException {
		List<String> command = List.of(this.binary.toString(), "--port", String.valueOf(this.port), "--bind",
				"127.0.0.1", "--dir", this.dataDirectory.toString(), "--appendonly", "yes", "--appendfsync", "always",
				"--save", "", "--protected-mode", "no", "--daemonize", "no");
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dataDirectory.resolve("redis.log").toFile())
			.start();
		await("redis-server answering PING on port " + this.port).atMost(START_TIMEOUT).until(this::answersPing);
	}

	private boolean answersPing() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("redis-server exited with " + this.process.exitValue() + ", see "
					+ this.dataDirectory.resolve("redis.log"));
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			stop();
		}
	}

	private static Optional<Path> findBinary() {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin", "/usr/local/bin"))
			.filter((dir) -> !dir.isBlank())
			.map((dir) -> Path.of(dir, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
