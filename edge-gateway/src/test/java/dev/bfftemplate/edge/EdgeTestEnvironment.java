package dev.bfftemplate.edge;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.test.jwt.JwtIssuer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;

/**
 * The stand-ins every gateway test context talks to: one WireMock per BFF and one
 * stand-in auth server, started once per JVM so all test classes share one Spring
 * context.
 */
public final class EdgeTestEnvironment {

	/**
	 * Stands in for web-bff.
	 */
	public static final WireMockServer WEB = WireMockDownstreams.start();

	/**
	 * Stands in for mobile-bff.
	 */
	public static final WireMockServer MOBILE = WireMockDownstreams.start();

	/**
	 * Stands in for partner-bff.
	 */
	public static final WireMockServer PARTNER = WireMockDownstreams.start();

	/**
	 * Stands in for the auth server.
	 */
	public static final JwtIssuer ISSUER = JwtIssuer.start();

	private EdgeTestEnvironment() {
	}

	/**
	 * Forget every stub and recorded request.
	 */
	public static void reset() {
		WEB.resetAll();
		MOBILE.resetAll();
		PARTNER.resetAll();
	}

	/**
	 * The properties that point a gateway at the stand-ins.
	 * @return the properties as {@code key=value}
	 */
	public static String[] upstreamProperties() {
		return new String[] { "edge.upstreams.web-bff=" + WEB.baseUrl(),
				"edge.upstreams.mobile-bff=" + MOBILE.baseUrl(), "edge.upstreams.partner-bff=" + PARTNER.baseUrl(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER.issuer(),
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + ISSUER.jwkSetUri() };
	}

	/**
	 * Points the test's application context at the stand-ins.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(upstreamProperties()).applyTo(context);
			// One connection per test request: Reactor Netty 1.3.6/1.3.7 sometimes never
			// reads a kept-alive request that follows an error response (401, 404), see
			// bench/keepalive/README.md; these tests are about what the edge answers.
			if (context instanceof GenericApplicationContext generic) {
				generic.registerBean(WebTestClientBuilderCustomizer.class,
						() -> (builder) -> builder.defaultHeader(HttpHeaders.CONNECTION, "close"));
			}
		}

	}

}
