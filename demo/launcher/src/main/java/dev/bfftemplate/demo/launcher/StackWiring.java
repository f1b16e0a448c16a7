package dev.bfftemplate.demo.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

	StackWiring(List<StackApp> apps, RedisChoice redis) {
		this.apps = apps.stream().collect(Collectors.toMap(StackApp::name, Function.identity()));
		this.redis = redis;
	}

	List<String> argumentsFor(StackApp app) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + app.port());
		args.add("--management.server.port=" + app.managementPort());
		args.addAll(this.redis.arguments());
		String issuer = url(StackApp.AUTH_SERVER, 9000);
		String services = url(StackApp.DEMO_SERVICES, 8090);
		switch (app.name()) {
			case StackApp.AUTH_SERVER -> {
				args.add("--spring.security.oauth2.authorizationserver.issuer=" + issuer);
				args.add("--demo.auth.web-app-url=" + webApp());
			}
			case StackApp.WEB_BFF, StackApp.MOBILE_BFF, StackApp.PARTNER_BFF -> {
				for (String service : SERVICES) {
					args.add("--spring.http.serviceclient." + service + ".base-url=" + services + "/" + service);
				}
				args.add("--bff.demo.issuer-uri=" + issuer);
				if (app.name().equals(StackApp.WEB_BFF)) {
					args.addAll(this.redis.webBffArguments());
					args.add("--web-bff.public-base-url=" + webApp());
				}
				if (app.name().equals(StackApp.PARTNER_BFF)) {
					// the demo profile holds the digests of the demo API keys the banner
					// prints
					args.add("--spring.profiles.active=demo");
				}
			}
			case StackApp.EDGE -> {
				args.add("--edge.upstreams.web-bff=" + url(StackApp.WEB_BFF, 8081));
				args.add("--edge.upstreams.mobile-bff=" + url(StackApp.MOBILE_BFF, 8082));
				args.add("--edge.upstreams.partner-bff=" + url(StackApp.PARTNER_BFF, 8083));
				args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
				args.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks");
			}
			default -> {
			}
		}
		return args;
	}

	/**
	 * Where the browser reaches the web app: through the edge when it runs, else at
	 * web-bff itself. web-bff builds its login and logout URLs from it, and the auth
	 * server registers exactly those.
	 */
	private String webApp() {
		return this.apps.containsKey(StackApp.EDGE) ? url(StackApp.EDGE, 8080) : url(StackApp.WEB_BFF, 8081);
	}

	private String url(String name, int defaultPort) {
		StackApp app = this.apps.get(name);
		return "http://localhost:" + ((app != null) ? app.port() : defaultPort);
	}

}
