package dev.bfftemplate.partner.api;

import java.time.ZoneOffset;
import java.util.Map;

import dev.bfftemplate.partner.api.ApiVersionProperties.Deprecation;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.accept.SemanticApiVersionParser;
import org.springframework.web.reactive.accept.ApiVersionDeprecationHandler;
import org.springframework.web.reactive.accept.StandardApiVersionDeprecationHandler;
import org.springframework.web.reactive.config.ApiVersionConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Framework's API versioning: the version is the second path segment of
 * {@code /partner/v1/...}, mappings declare the versions they serve ({@code "1+"} for an
 * operation unchanged since v1), and deprecated operations answer with
 * {@code Deprecation}, {@code Sunset} and {@code Link} headers.
 */
@Configuration(proxyBeanMethods = false)
class ApiVersionConfiguration implements WebFluxConfigurer {

	private static final String PREFIX = "/partner/";

	private static final SemanticApiVersionParser PARSER = new SemanticApiVersionParser();

	private final ApiVersionProperties properties;

	ApiVersionConfiguration(ApiVersionProperties properties) {
		this.properties = properties;
	}

	@Override
	public void configureApiVersioning(ApiVersionConfigurer configurer) {
		configurer.usePathSegment(1, (path) -> path.value().startsWith(PREFIX))
			.setVersionRequired(false)
			.setDeprecationHandler(deprecationHandler());
	}

	private ApiVersionDeprecationHandler deprecationHandler() {
		StandardApiVersionDeprecationHandler standard = new StandardApiVersionDeprecationHandler();
		this.properties.deprecations()
			.forEach((version, deprecation) -> standard.configureVersion(version)
				.setExchangePredicate((exchange) -> isOperation(exchange, deprecation))
				.setDeprecationDate(deprecation.since().atZone(ZoneOffset.UTC))
				.setDeprecationLink(deprecation.documentation())
				.setSunsetDate(deprecation.sunset().atZone(ZoneOffset.UTC)));
		return new SuccessorLinks(standard, this.properties.deprecations());
	}

	private static boolean isOperation(ServerWebExchange exchange, Deprecation deprecation) {
		return exchange.getRequest().getMethod().name().equals(deprecation.method())
				&& exchange.getRequest().getPath().pathWithinApplication().value().equals(deprecation.path());
	}

	/**
	 * Adds the {@code successor-version} link (RFC 5829), which the standard handler has
	 * no setting for, to the headers it writes.
	 */
	private static final class SuccessorLinks implements ApiVersionDeprecationHandler {

		private final ApiVersionDeprecationHandler standard;

		private final Map<String, Deprecation> deprecations;

		SuccessorLinks(ApiVersionDeprecationHandler standard, Map<String, Deprecation> deprecations) {
			this.standard = standard;
			this.deprecations = deprecations;
		}

		@Override
		public void handleVersion(Comparable<?> version, Object handler, ServerWebExchange exchange) {
			this.standard.handleVersion(version, handler, exchange);
			this.deprecations.forEach((deprecatedVersion, deprecation) -> {
				if (PARSER.parseVersion(deprecatedVersion).equals(version) && isOperation(exchange, deprecation)) {
					exchange.getResponse()
						.getHeaders()
						.add(HttpHeaders.LINK, "<" + deprecation.successor() + ">; rel=\"successor-version\"");
				}
			});
		}

	}

}
