package dev.bfftemplate.test.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeepAliveProbeTests {

	@Test
	void countsEveryRequestThatIsAcceptedButNeverAnswered() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				AcceptingThread accepting = new AcceptingThread(silent)) {
			KeepAliveProbe probe = KeepAliveProbe.of(silent.getLocalPort(), silent.getLocalPort())
				.withPublicPaths("/api/extra")
				.withAnswerTimeout(Duration.ofMillis(200));
			KeepAliveProbe.Result result = probe.run(1, HttpClient.Version.HTTP_1_1);
			assertThat(result.requests()).isEqualTo(13);
			assertThat(result.unanswered()).hasSize(13).anyMatch((request) -> request.endsWith("/api/extra"));
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> probe.assertEveryRequestAnswered(1))
				.withMessageContaining("left unanswered");
		}
	}

	/**
	 * Accepts connections and reads nothing, like a server that lost a request.
	 */
	private static final class AcceptingThread extends Thread implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new ArrayList<>();

		AcceptingThread(ServerSocket server) {
			this.server = server;
			setDaemon(true);
			start();
		}

		@Override
		public void run() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					synchronized (this.accepted) {
						this.accepted.add(socket);
					}
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			synchronized (this.accepted) {
				for (Socket socket : this.accepted) {
					socket.close();
				}
			}
		}

	}

}
