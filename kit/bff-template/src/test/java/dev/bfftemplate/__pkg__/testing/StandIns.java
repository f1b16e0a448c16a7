package dev.bfftemplate.__pkg__.testing;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.bfftemplate.test.jwt.JwtIssuer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What the BFF talks to in its tests, shared by the test JVM: one WireMock server standing
 * in for the services (each under its path prefix) and a stand-in provider signing real
 * RS256 tokens, with its JWKS.
 */
public final class StandIns implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final WireMockServer SERVICES = WireMockDownstreams.start();

	private static final JwtIssuer ISSUER = JwtIssuer.start();

	/**
	 * The stand-in services.
	 * @return the server
	 */
	public static WireMockServer services() {
		return SERVICES;
	}

	/**
	 * A valid access token for this BFF.
	 * @return the compact JWT
	 */
	public static String token() {
		return ISSUER.token().subject("alice").audience("__name__-bff").build();
	}

	/**
	 * A token signed by the provider but meant for another application.
	 * @return the compact JWT
	 */
	public static String tokenForAnotherAudience() {
		return ISSUER.token().subject("alice").audience("another-bff").build();
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("__name__-bff.services-url", SERVICES.baseUrl());
		properties.put("bff.resource-server.issuer", ISSUER.issuer());
		properties.put("bff.resource-server.jwk-set-uri", ISSUER.jwkSetUri());
		properties.put("management.server.port", "0");
		// a busy machine must not fail a behaviour test by a deadline: failures are stubbed
		properties.put("bff.fan-out.deadline", "15s");
		for (String service : new String[] { "catalog", "reviews" }) {
			properties.put("bff.downstreams." + service + ".timeout", "12s");
			properties.put("spring.http.serviceclient." + service + ".read-timeout", "12s");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standIns", properties));
	}

}
