package dev.bfftemplate.demo.launcher;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StackWiringTests {

	private final List<StackApp> movedStack = StackApp.defaults()
		.stream()
		.map((app) -> app.withPorts(app.port() + 10000, app.managementPort() + 10000))
		.toList();

	@Test
	void everyAppGetsItsOwnPorts() {
		StackWiring wiring = new StackWiring(this.movedStack, new RedisChoice(null));
		for (StackApp app : this.movedStack) {
			assertThat(wiring.argumentsFor(app)).contains("--server.port=" + app.port(),
					"--management.server.port=" + app.managementPort());
		}
	}

	@Test
	void bffsFindTheServicesAndTheIssuerWhereverTheyRun() {
		StackWiring wiring = new StackWiring(this.movedStack, new RedisChoice(null));
		StackApp web = app(StackApp.WEB_BFF);
		assertThat(wiring.argumentsFor(web)).contains(
				"--spring.http.serviceclient.catalog.base-url=http://localhost:18090/catalog",
				"--spring.http.serviceclient.orders.base-url=http://localhost:18090/orders",
				"--bff.demo.issuer-uri=http://localhost:19000");
		assertThat(wiring.argumentsFor(app(StackApp.AUTH_SERVER)))
			.contains("--spring.security.oauth2.authorizationserver.issuer=http://localhost:19000");
	}

	@Test
	void partnerBffGetsTheDemoKeysAndTheIssuerWhereverItRuns() {
		StackWiring wiring = new StackWiring(this.movedStack, new RedisChoice(null));
		assertThat(wiring.argumentsFor(app(StackApp.PARTNER_BFF))).contains("--spring.profiles.active=demo",
				"--bff.demo.issuer-uri=http://localhost:19000",
				"--spring.http.serviceclient.pricing.base-url=http://localhost:18090/pricing");
	}

	@Test
	void edgeRoutesToTheBffsAndChecksTokensOfTheIssuerWhereverTheyRun() {
		StackWiring wiring = new StackWiring(this.movedStack, new RedisChoice(null));
		assertThat(wiring.argumentsFor(app(StackApp.EDGE))).contains("--edge.upstreams.web-bff=http://localhost:18081",
				"--edge.upstreams.mobile-bff=http://localhost:18082",
				"--edge.upstreams.partner-bff=http://localhost:18083",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:19000",
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:19000/oauth2/jwks");
	}

	@Test
	void webBffAndTheAuthServerAgreeOnTheWebAppsPublicOriginTheEdge() {
		StackWiring wiring = new StackWiring(this.movedStack, new RedisChoice(null));
		assertThat(wiring.argumentsFor(app(StackApp.WEB_BFF)))
			.contains("--web-bff.public-base-url=http://localhost:18080");
		assertThat(wiring.argumentsFor(app(StackApp.AUTH_SERVER)))
			.contains("--demo.auth.web-app-url=http://localhost:18080");
	}

	@Test
	void theAuthServerSendsBackChannelLogoutTokensToWebBffItselfNotThroughTheEdge() {
		StackWiring wiring = new StackWiring(this.movedStack, new RedisChoice(null));
		assertThat(wiring.argumentsFor(app(StackApp.AUTH_SERVER)))
			.contains("--demo.auth.web-bff-internal-url=http://localhost:18081");
	}

	@Test
	void withoutTheEdgeTheWebAppIsWebBffItself() {
		List<StackApp> withoutEdge = this.movedStack.stream()
			.filter((app) -> !app.name().equals(StackApp.EDGE))
			.toList();
		StackWiring wiring = new StackWiring(withoutEdge, new RedisChoice(null));
		assertThat(wiring.argumentsFor(app(StackApp.WEB_BFF)))
			.contains("--web-bff.public-base-url=http://localhost:18081");
		assertThat(wiring.argumentsFor(app(StackApp.AUTH_SERVER)))
			.contains("--demo.auth.web-app-url=http://localhost:18081");
	}

	@Test
	void sharedRedisReachesEveryApp() {
		RedisChoice redis = RedisChoice.from(null, Map.of("BFF_REDIS_URL", "redis://cache.internal:6390"));
		StackWiring wiring = new StackWiring(this.movedStack, redis);
		for (StackApp app : this.movedStack) {
			assertThat(wiring.argumentsFor(app)).contains("--spring.data.redis.host=cache.internal",
					"--spring.data.redis.port=6390");
		}
	}

	@Test
	void sharedRedisGivesTheWebBffOneSessionKey() {
		RedisChoice redis = RedisChoice.from("redis://localhost:6379", Map.of());
		StackWiring wiring = new StackWiring(this.movedStack, redis);
		List<String> keys = wiring.argumentsFor(app(StackApp.WEB_BFF))
			.stream()
			.filter((arg) -> arg.startsWith("--web-bff.session.encryption-key="))
			.map((arg) -> arg.substring(arg.indexOf('=') + 1))
			.toList();
		assertThat(keys).singleElement()
			.satisfies((key) -> assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32));
		assertThat(wiring.argumentsFor(app(StackApp.MOBILE_BFF))).noneMatch((arg) -> arg.contains("encryption-key"));
	}

	@Test
	void configuredSessionKeyIsUsedAsIs() {
		RedisChoice redis = RedisChoice.from(null,
				Map.of("BFF_REDIS_URL", "redis://localhost:6379", "WEB_BFF_SESSION_ENCRYPTION_KEY", "a2V5"));
		assertThat(new StackWiring(this.movedStack, redis).argumentsFor(app(StackApp.WEB_BFF)))
			.contains("--web-bff.session.encryption-key=a2V5");
	}

	@Test
	void withoutRedisNoAppIsPointedAtOneAndTheLogSaysSo() {
		RedisChoice redis = RedisChoice.from(null, Map.of());
		assertThat(redis.configured()).isFalse();
		assertThat(redis.describe()).contains("in memory").contains("BFF_REDIS_URL");
		StackWiring wiring = new StackWiring(this.movedStack, redis);
		assertThat(wiring.argumentsFor(app(StackApp.WEB_BFF))).noneMatch((arg) -> arg.contains("redis"));
	}

	private StackApp app(String name) {
		return this.movedStack.stream().filter((app) -> app.name().equals(name)).findFirst().orElseThrow();
	}

}
