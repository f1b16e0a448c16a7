package dev.bfftemplate.bench.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Stub downstreams that answer a small JSON document after a fixed delay, one loopback
 * port each: {@code DelayedStubs 18081:20 18082:40} serves port 18081 after 20 ms and
 * port 18082 after 40 ms. Non-blocking, so that the stubs are never the bottleneck.
 */
public final class DelayedStubs {

	private DelayedStubs() {
	}

	public static void main(String[] args) {
		List<DisposableServer> servers = new ArrayList<>();
		for (String stub : args) {
			String[] portAndDelay = stub.split(":");
			int port = Integer.parseInt(portAndDelay[0]);
			Duration delay = Duration.ofMillis(Long.parseLong(portAndDelay[1]));
			String body = "{\"id\":\"" + port + "\",\"delayMillis\":" + delay.toMillis() + "}";
			servers.add(HttpServer.create()
				.host("127.0.0.1")
				.port(port)
				.route((routes) -> routes.get("/item", (request, response) -> Mono.delay(delay)
					.then(response.header("Content-Type", "application/json").sendString(Mono.just(body)).then())))
				.bindNow());
		}
		servers.forEach((server) -> server.onDispose().block());
	}

}
