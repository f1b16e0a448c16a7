package dev.bfftemplate.test.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends thousands of requests over kept-alive connections, most of them answered with an
 * error status, and counts those that never get an answer. Reactor Netty before 1.3.8
 * sometimes never read a request that arrived on a kept-alive connection after an error
 * response (reactor-netty#4347, bench/keepalive): every browser, load balancer and
 * connection pool reuses connections, so each application proves it answers them all.
 * <p>
 * One round is the public port's probes and actuator paths (404 there), the management
 * port's actuator endpoints (the large Prometheus page among them) and its hidden ones
 * (404), plus any paths the application adds (its own error answers, or routes through to
 * its upstreams).
 */
public final class KeepAliveProbe {

	private static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(5);

	// The first answers of a cold JVM on a loaded build machine may take long (30 s with
	// the default answer timeout); they are not what the probe looks for.
	private static final int WARM_UP_TIMEOUT_FACTOR = 6;

	private static final String[] HIDDEN_MANAGEMENT_PATHS = { "/actuator/env", "/actuator/beans",
			"/actuator/configprops", "/actuator/heapdump", "/actuator/shutdown", "/actuator/gateway/routes" };

	private final int publicPort;

	private final int managementPort;

	private final List<String> extraPublicPaths;

	private final Duration answerTimeout;

	private KeepAliveProbe(int publicPort, int managementPort, List<String> extraPublicPaths, Duration answerTimeout) {
		this.publicPort = publicPort;
		this.managementPort = managementPort;
		this.extraPublicPaths = List.copyOf(extraPublicPaths);
		this.answerTimeout = answerTimeout;
	}

	/**
	 * A probe of an application's public and management ports.
	 * @param publicPort the public port
	 * @param managementPort the management port
	 * @return the probe
	 */
	public static KeepAliveProbe of(int publicPort, int managementPort) {
		return new KeepAliveProbe(publicPort, managementPort, List.of(), DEFAULT_ANSWER_TIMEOUT);
	}

	/**
	 * Adds public-port paths to every round.
	 * @param paths paths, each answered with any status
	 * @return a probe that also requests them
	 */
	public KeepAliveProbe withPublicPaths(String... paths) {
		List<String> all = new ArrayList<>(this.extraPublicPaths);
		all.addAll(List.of(paths));
		return new KeepAliveProbe(this.publicPort, this.managementPort, all, this.answerTimeout);
	}

	/**
	 * Sets how long a request may wait for its answer before it counts as unanswered.
	 * @param timeout the time to wait (5 s unless set)
	 * @return a probe that waits that long
	 */
	public KeepAliveProbe withAnswerTimeout(Duration timeout) {
		return new KeepAliveProbe(this.publicPort, this.managementPort, this.extraPublicPaths, timeout);
	}

	/**
	 * Runs one warm-up round, then the rounds over HTTP/1.1 and over HTTP/2 offered as a
	 * cleartext upgrade, each over one kept-alive client, and asserts every request got
	 * an answer.
	 * @param rounds rounds per protocol
	 */
	public void assertEveryRequestAnswered(int rounds) {
		Duration warmUpTimeout = this.answerTimeout.multipliedBy(WARM_UP_TIMEOUT_FACTOR);
		Result warmUp = withAnswerTimeout(warmUpTimeout).run(1, HttpClient.Version.HTTP_1_1);
		assertThat(warmUp.unanswered()).as("requests left unanswered for %s while warming up", warmUpTimeout).isEmpty();
		Result http11 = run(rounds, HttpClient.Version.HTTP_1_1);
		Result h2c = run(rounds, HttpClient.Version.HTTP_2);
		assertThat(http11.requests() + h2c.requests()).isGreaterThanOrEqualTo(2 * rounds);
		assertThat(http11.unanswered())
			.as("requests over kept-alive HTTP/1.1 connections left unanswered for %s (of %d)", this.answerTimeout,
					http11.requests())
			.isEmpty();
		assertThat(h2c.unanswered())
			.as("requests over kept-alive h2c connections left unanswered for %s (of %d)", this.answerTimeout,
					h2c.requests())
			.isEmpty();
	}

	/**
	 * Runs the rounds over one kept-alive client.
	 * @param rounds how many times the sequence is sent
	 * @param version the protocol the client offers
	 * @return how many requests were sent and which were never answered
	 */
	public Result run(int rounds, HttpClient.Version version) {
		List<URI> sequence = sequence();
		HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(this.answerTimeout).build();
		List<String> unanswered = new ArrayList<>();
		int requests = 0;
		for (int round = 0; round < rounds; round++) {
			for (URI uri : sequence) {
				requests++;
				try {
					client.send(HttpRequest.newBuilder(uri).timeout(this.answerTimeout).build(),
							HttpResponse.BodyHandlers.discarding());
				}
				catch (HttpTimeoutException ex) {
					unanswered.add("round " + round + ": " + uri);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Request " + uri + " failed", ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		return new Result(requests, List.copyOf(unanswered));
	}

	private List<URI> sequence() {
		List<URI> sequence = new ArrayList<>();
		for (String path : new String[] { "/livez", "/actuator/health", "/actuator/prometheus" }) {
			sequence.add(uri(this.publicPort, path));
		}
		for (String path : this.extraPublicPaths) {
			sequence.add(uri(this.publicPort, path));
		}
		for (String path : new String[] { "/actuator/health", "/actuator/info", "/actuator/prometheus" }) {
			sequence.add(uri(this.managementPort, path));
		}
		for (String path : HIDDEN_MANAGEMENT_PATHS) {
			sequence.add(uri(this.managementPort, path));
		}
		return sequence;
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/**
	 * What a run saw.
	 *
	 * @param requests requests sent
	 * @param unanswered the requests that got no answer within the timeout
	 */
	public record Result(int requests, List<String> unanswered) {

	}

}
