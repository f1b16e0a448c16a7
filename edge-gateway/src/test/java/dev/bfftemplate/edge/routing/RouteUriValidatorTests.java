package dev.bfftemplate.edge.routing;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class RouteUriValidatorTests {

	private static final String ROUTE = "spring.cloud.gateway.server.webflux.routes[0].";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ValidatedRoutes.class)
		.withPropertyValues(ROUTE + "id=web-bff", ROUTE + "predicates[0]=Path=/**");

	@Test
	void httpAndHttpsRoutesStart() {
		this.runner.withPropertyValues(ROUTE + "uri=https://web-bff.internal:8443")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownSchemeFailsStartWithTheRouteNamed() {
		this.runner.withPropertyValues(ROUTE + "uri=htp://localhost:8081")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Route 'web-bff' points at 'htp://localhost:8081'")
				.hasMessageContaining("[http, https]"));
	}

	@Test
	void missingUriFailsStart() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("Route 'web-bff' has no URI"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ GatewayProperties.class, RoutingProperties.class })
	@Import(RouteUriValidator.class)
	static class ValidatedRoutes {

	}

}
