package dev.bfftemplate.demo.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bfftemplate.demo.launcher.StackApp.Kind;

/**
 * The command-line properties that tell each application where the others are, so the
 * stack still hangs together when ports move (tests run it on free ports).
 * <p>
 * Only addresses live here; everything else is each application's own
 * {@code application.yaml}.
 */
final class StackWiring {

	private static final List<String> SERVICES = List.of("catalog", "inventory", "pricing", "reviews", "orders",
			"customers", "recommendations");

	private final Map<String, StackApp> apps;

	private final RedisChoice redis;

	private final List<StackApp> listed;

	StackWiring(List<StackApp> apps, RedisChoice redis) {
		this(apps, StackApp.defaults(), redis);
	}

	/**
	 * Wiring for the running applications.
	 * @param apps the applications that run, on their ports
	 * @param listed every application of the stack list, for the edge's routes to those
	 * that do not run
	 * @param redis where the shared state lives
	 */
	StackWiring(List<StackApp> apps, List<StackApp> listed, RedisChoice redis) {
		this.apps = apps.stream().collect(Collectors.toMap(StackApp::name, Function.identity()));
		this.listed = listed;
		this.redis = redis;
	}

	List<String> argumentsFor(StackApp app) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + app.port());
		args.add("--management.server.port=" + app.managementPort());
		args.addAll(this.redis.arguments());
		if (!app.profiles().isEmpty()) {
			// partner-bff's demo profile holds the digests of the demo API keys the
			// banner
			// prints
			args.add("--spring.profiles.active=" + String.join(",", app.profiles()));
		}
		String issuer = url(StackApp.AUTH_SERVER, 9000);
		String services = url(StackApp.DEMO_SERVICES, 8090);
		switch (app.kind()) {
			case AUTH_SERVER -> {
				args.add("--spring.security.oauth2.authorizationserver.issuer=" + issuer);
				args.add("--demo.auth.web-app-url=" + webApp());
				// server to server, not through the edge: back-channel logout tokens go
				// there
				args.add("--demo.auth.web-bff-internal-url=" + browserBffUrl());
			}
			case BROWSER_BFF, BFF -> {
				for (String service : SERVICES) {
					args.add("--spring.http.serviceclient." + service + ".base-url=" + services + "/" + service);
				}
				args.add("--bff.demo.issuer-uri=" + issuer);
				if (app.kind() == Kind.BROWSER_BFF) {
					args.addAll(this.redis.webBffArguments());
					args.add("--web-bff.public-base-url=" + webApp());
				}
			}
			case EDGE -> {
				// every BFF listed, running or not: the edge's routes name them all
				for (StackApp bff : this.listed) {
					if (bff.kind().isBff()) {
						args.add("--edge.upstreams." + bff.name() + "=" + url(bff.name(), bff.port()));
					}
				}
				args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
				args.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks");
			}
			case SERVICES -> {
			}
		}
		return args;
	}

	/**
	 * Where the browser reaches the web app: through the edge when it runs, else at the
	 * browser BFF itself. The browser BFF builds its login and logout URLs from it, and
	 * the auth server registers exactly those.
	 */
	private String webApp() {
		if (this.apps.containsKey(StackApp.EDGE)) {
			return url(StackApp.EDGE, 8080);
		}
		return browserBffUrl();
	}

	/**
	 * Where the browser BFF itself listens.
	 */
	private String browserBffUrl() {
		StackApp browserBff = this.listed.stream()
			.filter((app) -> app.kind() == Kind.BROWSER_BFF)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The stack list names no browser-bff"));
		return url(browserBff.name(), browserBff.port());
	}

	private String url(String name, int defaultPort) {
		StackApp app = this.apps.get(name);
		return "http://localhost:" + ((app != null) ? app.port() : defaultPort);
	}

}
