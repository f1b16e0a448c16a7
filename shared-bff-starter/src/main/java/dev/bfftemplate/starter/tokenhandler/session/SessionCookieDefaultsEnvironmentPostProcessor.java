package dev.bfftemplate.starter.tokenhandler.session;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Gives the token handler's session cookie hardened defaults (Boot's own
 * {@code server.reactive.session.cookie.*} keys): {@code __Host-bff-session},
 * {@code Secure}, {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}. Boot's default
 * ({@code SESSION}, not {@code Secure}) would otherwise reach a new browser BFF that
 * forgets to set them. Added as the property source {@code bff-token-handler-defaults},
 * of the lowest precedence, only where the token handler can be on (OAuth2 client and
 * Spring Session on the class path, a client registration,
 * {@code bff.token-handler.enabled} not {@code false}): any value of the application
 * wins.
 * <p>
 * {@code Lax}, not {@code Strict}: the provider's redirect back to
 * {@code /login/oauth2/code/*} is a cross-site navigation that must carry the cookie
 * holding the login's state and PKCE verifier. CSRF is stopped by the custom header.
 */
class SessionCookieDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "bff-token-handler-defaults";

	private static final Map<String, Object> COOKIE = Map.of("server.reactive.session.cookie.name",
			"__Host-bff-session", "server.reactive.session.cookie.secure", "true",
			"server.reactive.session.cookie.http-only", "true", "server.reactive.session.cookie.path", "/",
			"server.reactive.session.cookie.same-site", "lax");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME) || !tokenHandlerPossible(environment)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, COOKIE));
	}

	private static boolean tokenHandlerPossible(ConfigurableEnvironment environment) {
		ClassLoader classLoader = SessionCookieDefaultsEnvironmentPostProcessor.class.getClassLoader();
		if (!ClassUtils.isPresent("org.springframework.security.oauth2.client.registration.ClientRegistration",
				classLoader)
				|| !ClassUtils.isPresent("org.springframework.session.ReactiveSessionRepository", classLoader)) {
			return false;
		}
		Binder binder = Binder.get(environment);
		boolean enabled = binder.bind("bff.token-handler.enabled", Boolean.class).orElse(true);
		boolean registration = !binder
			.bind("spring.security.oauth2.client.registration", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of())
			.isEmpty();
		return enabled && registration;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
