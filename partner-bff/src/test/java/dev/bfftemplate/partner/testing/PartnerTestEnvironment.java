package dev.bfftemplate.partner.testing;

import java.util.Map;

import dev.bfftemplate.test.jwt.JwtIssuer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the stand-in services, the test issuer and the
 * {@link TestPartners}.
 */
public class PartnerTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final JwtIssuer ISSUER = JwtIssuer.start();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = TestPartners.properties(ISSUER);
		properties.put("partner-bff.demo-services-url", StandInDownstreams.shared().baseUrl());
		properties.put("management.server.port", "0");
		// Generous call deadlines: the tests share two cores with other builds, and none
		// of
		// them is about timeouts (the starter's own tests are).
		properties.put("bff.fan-out.deadline", "15s");
		for (String service : new String[] { "orders", "catalog", "pricing" }) {
			properties.put("bff.downstreams." + service + ".timeout", "15s");
			properties.put("spring.http.serviceclient." + service + ".read-timeout", "15s");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("partnerTests", properties));
	}

	/**
	 * The issuer of client credentials tokens the application trusts.
	 * @return the issuer
	 */
	public static JwtIssuer issuer() {
		return ISSUER;
	}

}
