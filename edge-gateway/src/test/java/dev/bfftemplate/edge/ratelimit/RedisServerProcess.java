package dev.bfftemplate.edge.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.test.util.TestSocketUtils;

import static org.awaitility.Awaitility.await;

/**
 * A {@code redis-server} of this test alone, on a fixed free port, that the test stops
 * and starts again (the JVM's shared {@code RealRedis} must keep running for the other
 * tests). Persistence is off, so a restarted server is empty.
 */
final class RedisServerProcess {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private final Path binary;

	private final int port;

	private Process process;

	private RedisServerProcess(Path binary, int port) {
		this.binary = binary;
		this.port = port;
	}

	static RedisServerProcess start() {
		Path binary = Stream
			.concat(Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)),
					Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin"))
			.map((dir) -> Path.of(dir, "redis-server"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"This test stops and restarts its own Redis: it needs redis-server on the PATH "
							+ "(Debian/Ubuntu: apt-get install -y redis-server; macOS: brew install redis)"));
		RedisServerProcess redis = new RedisServerProcess(binary, TestSocketUtils.findAvailableTcpPort());
		redis.restart();
		return redis;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Start the server (again) on its port and wait until it answers.
	 */
	void restart() {
		try {
			this.process = new ProcessBuilder(this.binary.toString(), "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.binary, ex);
		}
		await("redis-server answering PING on port " + this.port).atMost(STARTUP)
			.ignoreExceptions()
			.until(() -> command("PING").startsWith("+PONG"));
	}

	/**
	 * Stop the server and wait until it has exited.
	 */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/**
	 * How many keys the server holds.
	 * @return the key count
	 */
	long keys() throws IOException {
		String reply = command("DBSIZE");
		return Long.parseLong(reply.substring(1).trim());
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

}
