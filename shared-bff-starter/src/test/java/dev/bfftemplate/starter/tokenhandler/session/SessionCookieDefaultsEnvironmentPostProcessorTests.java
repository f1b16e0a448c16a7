package dev.bfftemplate.starter.tokenhandler.session;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieDefaultsEnvironmentPostProcessorTests {

	private static final Map<String, Object> REGISTRATION = Map
		.of("spring.security.oauth2.client.registration.shop.client-id", "shop");

	@Test
	void aBrowserBffGetsAHardenedSessionCookie() {
		StandardEnvironment environment = environment(REGISTRATION);
		assertThat(environment.getProperty("server.reactive.session.cookie.name")).isEqualTo("__Host-bff-session");
		assertThat(environment.getProperty("server.reactive.session.cookie.secure")).isEqualTo("true");
		assertThat(environment.getProperty("server.reactive.session.cookie.http-only")).isEqualTo("true");
		assertThat(environment.getProperty("server.reactive.session.cookie.same-site")).isEqualTo("lax");
		assertThat(environment.getProperty("server.reactive.session.cookie.path")).isEqualTo("/");
	}

	@Test
	void theApplicationsOwnValuesWin() {
		Map<String, Object> properties = new HashMap<>(REGISTRATION);
		properties.put("server.reactive.session.cookie.name", "bff-session");
		properties.put("server.reactive.session.cookie.secure", "false");
		StandardEnvironment environment = environment(properties);
		assertThat(environment.getProperty("server.reactive.session.cookie.name")).isEqualTo("bff-session");
		assertThat(environment.getProperty("server.reactive.session.cookie.secure")).isEqualTo("false");
		assertThat(environment.getProperty("server.reactive.session.cookie.http-only")).isEqualTo("true");
	}

	@Test
	void noDefaultsWithoutAClientRegistrationOrWithTheTokenHandlerOff() {
		assertThat(environment(Map.of()).getProperty("server.reactive.session.cookie.name")).isNull();
		Map<String, Object> off = new HashMap<>(REGISTRATION);
		off.put("bff.token-handler.enabled", "false");
		assertThat(environment(off).getProperty("server.reactive.session.cookie.name")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		new SessionCookieDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment,
				new SpringApplication());
		return environment;
	}

}
