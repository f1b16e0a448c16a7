package dev.bfftemplate.starter.idempotency;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.springframework.test.util.TestSocketUtils;

import static org.awaitility.Awaitility.await;

/**
 * A Redis that answers late on one loopback port: first a listener that accepts
 * connections and never answers (a handshake that times out, as on a saturated machine),
 * then, when the test says so, a real {@code redis-server} on the same port. Stopped by
 * its process, never by name.
 */
final class LateRedis implements AutoCloseable {

	private final int port = TestSocketUtils.findAvailableTcpPort();

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private final AtomicInteger handshakes = new AtomicInteger();

	private ServerSocket silent;

	private Process server;

	private Path directory;

	int port() {
		return this.port;
	}

	/**
	 * How many connections the silent listener has accepted: each is one attempt to
	 * connect.
	 * @return the attempts seen while silent
	 */
	int silentAttempts() {
		return this.handshakes.get();
	}

	/**
	 * Listens on the port, accepting connections and never answering.
	 * @throws IOException if the port cannot be bound
	 */
	void listenSilently() throws IOException {
		this.silent = new ServerSocket(this.port, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.silent.isClosed()) {
				try {
					this.accepted.add(this.silent.accept());
					this.handshakes.incrementAndGet();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "silent-redis");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Stops the silent listener and starts a real redis-server on the same port.
	 * @throws IOException if the server cannot be started
	 */
	void answer() throws IOException {
		closeSilent();
		Path binary = findBinary().orElseThrow(() -> new IllegalStateException(
				"This test needs a redis-server on the PATH, which it starts late (Debian/Ubuntu: apt-get install -y "
						+ "redis-server; macOS: brew install redis)"));
		this.directory = Files.createTempDirectory("starter-late-redis-");
		this.server = new ProcessBuilder(binary.toString(), "--port", String.valueOf(this.port), "--bind", "127.0.0.1",
				"--dir", this.directory.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "no")
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.log").toFile())
			.start();
		await("redis-server answering PING on port " + this.port).atMost(Duration.ofSeconds(20))
			.until(this::answersPing);
	}

	private boolean answersPing() {
		if (!this.server.isAlive()) {
			throw new IllegalStateException("redis-server exited with " + this.server.exitValue() + ", see "
					+ this.directory.resolve("redis.log"));
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

	private void closeSilent() throws IOException {
		if (this.silent != null) {
			this.silent.close();
		}
		for (Socket socket : this.accepted) {
			socket.close();
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		closeSilent();
		if (this.server != null && this.server.isAlive()) {
			this.server.destroy();
			this.server.waitFor();
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
