package dev.bfftemplate.partner.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.bfftemplate.test.redis.WithRealRedis;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole partner BFF on a random port, with a real Redis, the {@link TestPartners test
 * partners' keys}, WireMock standing in for the domain services and a
 * {@link dev.bfftemplate.test.jwt.JwtIssuer} for client credentials tokens. Every answer
 * the test client receives is held to the OpenAPI contract ({@link ContractValidation}).
 * Test classes using it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@WithRealRedis
@ContextConfiguration(initializers = PartnerTestEnvironment.class)
@Import({ ContractValidation.class, TestClock.Configuration.class })
public @interface PartnerBffTest {

}
