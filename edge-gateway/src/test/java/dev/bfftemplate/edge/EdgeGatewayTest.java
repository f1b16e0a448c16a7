package dev.bfftemplate.edge;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.bfftemplate.test.redis.WithRealRedis;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The running gateway on a random port in front of {@link EdgeTestEnvironment}'s
 * stand-ins, with a real Redis. Every test class using it shares one context: keep the
 * configuration here.
 * <p>
 * Loopback is a trusted proxy, so tests pick their own client address with
 * {@code X-Forwarded-For} and never share a rate-limit bucket. Partner traffic is limited
 * to 3 requests a minute per client to make limits easy to reach.
 * <p>
 * The BFFs, Redis and the JWKS may take
 * {@link EdgeTestEnvironment#PATIENT_TIMEOUT_MILLIS} here (set by the
 * {@link EdgeTestEnvironment.Initializer}): no test in this context is about those
 * timeouts, and on a loaded build machine a late answer would turn the status a test
 * expects into a 504, a fail-open (wrong rate-limit counts) or a 401. A test about a
 * timeout sets it with {@code @TestPropertySource}, which makes a context of its own
 * ({@code RouteTimeoutTests}).
 * <p>
 * Every request is sampled, so the tests see the sampled flag the edge decides on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "edge.forwarding.trusted-proxies=127\\.0\\.0\\.1",
				"edge.rate-limit.policies.web.limit=1000", "edge.rate-limit.policies.web.window=1m",
				"edge.rate-limit.policies.mobile.limit=1000", "edge.rate-limit.policies.mobile.window=1m",
				"edge.rate-limit.policies.partner.limit=3", "edge.rate-limit.policies.partner.window=1m",
				"edge.cors.allowed-origins=https://app.example", "edge.http.max-request-body-size=1KB",
				"edge.http.public-hosts=localhost,127.0.0.1,shop.example",
				"management.tracing.sampling.probability=1.0" })
@ContextConfiguration(initializers = EdgeTestEnvironment.Initializer.class)
// the client waits EdgeTestEnvironment.ANSWER_TIMEOUT (set by its Initializer)
@AutoConfigureWebTestClient
@WithRealRedis
public @interface EdgeGatewayTest {

}
