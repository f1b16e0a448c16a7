package dev.bfftemplate.mobile.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.bfftemplate.test.jwt.JwtIssuer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What mobile-bff talks to, shared by the whole test JVM: one WireMock server standing in
 * for every demo domain service (each under its path prefix) and a stand-in provider
 * signing real RS256 tokens, with its JWKS.
 */
public final class StandIns implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final WireMockServer SERVICES = WireMockDownstreams.start();

	private static final JwtIssuer ISSUER = JwtIssuer.start();

	private static final List<String> SERVICES_NAMES = List.of("customers", "orders", "recommendations", "catalog",
			"inventory", "pricing", "reviews");

	/**
	 * The stand-in domain services.
	 * @return the server
	 */
	public static WireMockServer services() {
		return SERVICES;
	}

	/**
	 * The stand-in provider.
	 * @return the issuer
	 */
	public static JwtIssuer issuer() {
		return ISSUER;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>(Map.of("mobile-bff.demo-services-url", SERVICES.baseUrl(),
				"bff.resource-server.issuer", ISSUER.issuer(), "bff.resource-server.jwk-set-uri", ISSUER.jwkSetUri(),
				"management.server.port", "0", "mobile-bff.orders.cursor-secret",
				"dGVzdC1jdXJzb3Itc2VjcmV0LW9mLWF0LWxlYXN0LTMyLWJ5dGVz"));
		// The machine running the tests may be busy: these tests are about behaviour, so
		// no
		// deadline may pass by accident (failures are stubbed, never timed).
		properties.put("bff.resource-server.jwks.response-timeout", "15s");
		properties.put("bff.fan-out.deadline", "15s");
		properties.put("mobile-bff.home.details-deadline", "15s");
		properties.put("bff.idempotency.store.timeout", "10s");
		for (String service : SERVICES_NAMES) {
			properties.put("bff.downstreams." + service + ".timeout", "12s");
			properties.put("spring.http.serviceclient." + service + ".read-timeout", "12s");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standIns", properties));
	}

}
