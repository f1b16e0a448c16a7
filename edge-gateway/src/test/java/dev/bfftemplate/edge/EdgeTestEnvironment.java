package dev.bfftemplate.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bfftemplate.test.jwt.JwtIssuer;
import dev.bfftemplate.test.wiremock.WireMockDownstreams;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

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

	/**
	 * How long a test client waits for the edge to start answering. Every answer the
	 * tests expect comes in milliseconds; this only bounds a request that is never
	 * answered. On a build machine shared by many JVMs (load 30 on 2 cores) a freshly
	 * started context took more than 10 s for its first answer.
	 */
	public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

	/**
	 * How long a gateway under test waits, in milliseconds, for a BFF (its route response
	 * timeouts), for Redis (command and connect timeouts) and for the JWKS, in tests that
	 * are not about those timeouts. The production values (250 ms for a Redis command, 3
	 * s for the JWKS, 5 to 10 s for a route, and 1 s this context once had for the
	 * partner route) are races against a loaded build machine, where a late answer turns
	 * the status a test expects into a 504, a fail-open (wrong rate-limit counts) or a
	 * 401. Shorter than {@link #ANSWER_TIMEOUT}, so that a real hang still shows as the
	 * edge's own answer. A test about one of these timeouts sets its own in a context of
	 * its own (see {@code RouteTimeoutTests}).
	 */
	public static final String PATIENT_TIMEOUT_MILLIS = "15000";

	// the body of an answer that has started may take a little longer
	private static final Duration BODY_GRACE = Duration.ofSeconds(2);

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
	 * The properties that give a gateway {@link #PATIENT_TIMEOUT_MILLIS} for every
	 * upstream, Redis and the JWKS.
	 * @return the properties by name
	 */
	public static Map<String, Object> patientTimeouts() {
		Map<String, Object> timeouts = new LinkedHashMap<>();
		Stream.of("edge.response-timeouts.web-bff", "edge.response-timeouts.mobile-bff",
				"edge.response-timeouts.partner-bff", "spring.data.redis.timeout", "spring.data.redis.connect-timeout",
				"edge.security.jwks-connect-timeout", "edge.security.jwks-response-timeout")
			.forEach((name) -> timeouts.put(name, PATIENT_TIMEOUT_MILLIS));
		return timeouts;
	}

	/**
	 * A client of a gateway on loopback that waits at most {@link #ANSWER_TIMEOUT}.
	 * @param port the gateway's port
	 * @return the client
	 */
	public static WebTestClient client(int port) {
		return waitsForAnAnswer(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)).build();
	}

	/**
	 * Make a test client fail after {@link #ANSWER_TIMEOUT} with a message naming the
	 * request that got no answer (WebTestClient's own timeout names none).
	 * @param builder the client builder
	 * @return the builder
	 */
	public static WebTestClient.Builder waitsForAnAnswer(WebTestClient.Builder builder) {
		return builder.responseTimeout(ANSWER_TIMEOUT.plus(BODY_GRACE))
			.filter((request, next) -> next.exchange(request)
				.timeout(ANSWER_TIMEOUT, Mono.error(() -> new TimeoutException("No answer within "
						+ ANSWER_TIMEOUT.toSeconds() + " s to " + request.method() + " " + request.url()))));
	}

	/**
	 * Points the test's application context at the stand-ins.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of(upstreamProperties()).applyTo(context);
			// below the test's own properties: a test about a timeout sets its own
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			MapPropertySource patient = new MapPropertySource("patientTimeouts", patientTimeouts());
			if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, patient);
			}
			else {
				sources.addFirst(patient);
			}
			if (context instanceof GenericApplicationContext generic) {
				generic.registerBean(WebTestClientBuilderCustomizer.class, () -> EdgeTestEnvironment::waitsForAnAnswer);
			}
		}

	}

}
