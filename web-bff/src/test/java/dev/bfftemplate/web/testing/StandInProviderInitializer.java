package dev.bfftemplate.web.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the {@link StandInProvider} and the
 * {@link StandInDownstreams}.
 */
public class StandInProviderInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The web app's public origin in tests: unlike the address the tests call, so that a
	 * URL built from the request instead shows.
	 */
	public static final String PUBLIC_BASE_URL = "https://shop.example.test";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standInProvider", properties()));
	}

	/**
	 * The properties that point a web BFF at the stand-in provider.
	 * @return the properties
	 */
	public static Map<String, Object> properties() {
		StandInProvider provider = StandInProvider.shared();
		return Map.of("spring.security.oauth2.client.provider.demo.issuer-uri", provider.issuerUri(),
				"spring.security.oauth2.client.registration.web-bff.client-id", StandInProvider.CLIENT_ID,
				"spring.security.oauth2.client.registration.web-bff.client-secret", StandInProvider.CLIENT_SECRET,
				"web-bff.session.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
				"web-bff.demo-services-url", StandInDownstreams.shared().baseUrl(), "web-bff.public-base-url",
				PUBLIC_BASE_URL);
	}

}
