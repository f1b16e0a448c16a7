package dev.bfftemplate.starter.autoconfigure;

import java.time.Duration;

import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;

import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.fanout.FanOut;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;
import dev.bfftemplate.starter.resourceserver.JwtTokenRelay;
import dev.bfftemplate.starter.resourceserver.ResourceServerProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource server's decoder is switched on by {@code bff.resource-server.issuer},
 * binds validated settings with their defaults, and yields to an application's own
 * decoder and token relay; without Spring Security a BFF starts without it.
 */
class ResourceServerAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FanOutAutoConfiguration.class,
				DownstreamClientsAutoConfiguration.class, ResourceServerAutoConfiguration.class,
				CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class));

	private static final String[] SETTINGS = { "bff.resource-server.issuer=http://127.0.0.1:9000",
			"bff.resource-server.jwk-set-uri=http://127.0.0.1:9000/oauth2/jwks",
			"bff.resource-server.audiences=sample-bff" };

	@Test
	void nothingWithoutAnIssuer() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ReactiveJwtDecoder.class)
			.doesNotHaveBean(DownstreamAuthorization.class)
			.doesNotHaveBean(ResourceServerProperties.class));
	}

	@Test
	void aDecoderAndTheTokenRelayWithTheDefaults() {
		this.runner.withPropertyValues(SETTINGS).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveJwtDecoder.class)
				.getBean(DownstreamAuthorization.class)
				.isInstanceOf(JwtTokenRelay.class);
			ResourceServerProperties properties = context.getBean(ResourceServerProperties.class);
			assertThat(properties.audiences()).containsExactly("sample-bff");
			assertThat(properties.tokenTypes()).containsExactly("at+jwt", "application/at+jwt", "JWT");
			assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.jwks().refreshInterval()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.jwks().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.jwks().responseTimeout()).isEqualTo(Duration.ofSeconds(3));
			assertThat(properties.relayToken()).isTrue();
		});
	}

	@Test
	void withoutARequestTheRelaySendsNoToken() {
		this.runner.withPropertyValues(SETTINGS)
			.run((context) -> assertThat(
					context.getBean(DownstreamAuthorization.class).accessToken("catalog").blockOptional())
				.isEmpty());
	}

	@Test
	void aMissingJwkSetUriOrAudienceFailsTheStart() {
		this.runner.withPropertyValues("bff.resource-server.issuer=http://127.0.0.1:9000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bff.resource-server")
				.hasMessageContaining("jwkSetUri")
				.hasMessageContaining("audiences"));
	}

	@Test
	void yieldsToTheApplicationsDecoder() {
		ReactiveJwtDecoder own = (token) -> Mono.error(new IllegalStateException("the application's"));
		this.runner.withPropertyValues(SETTINGS)
			.withBean("ownDecoder", ReactiveJwtDecoder.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveJwtDecoder.class)
				.getBean(ReactiveJwtDecoder.class)
				.isSameAs(own));
	}

	@Test
	void yieldsToTheApplicationsTokenRelay() {
		DownstreamAuthorization own = (downstream) -> Mono.just("service-token");
		this.runner.withPropertyValues(SETTINGS)
			.withBean("ownRelay", DownstreamAuthorization.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(JwtTokenRelay.class)
				.getBean(DownstreamAuthorization.class)
				.isSameAs(own));
	}

	@Test
	void relaysNoTokenWhenToldNotTo() {
		this.runner.withPropertyValues(SETTINGS)
			.withPropertyValues("bff.resource-server.relay-token=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveJwtDecoder.class)
				.doesNotHaveBean(DownstreamAuthorization.class));
	}

	@Test
	void aBffWithoutSpringSecurityStarts() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security", "com.nimbusds"))
			.withPropertyValues(SETTINGS)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(FanOut.class)
				.hasSingleBean(Downstreams.class)
				.doesNotHaveBean(ResourceServerProperties.class)
				.doesNotHaveBean(DownstreamAuthorization.class));
	}

	@Test
	void validatesTheSettings() {
		this.runner.withPropertyValues(SETTINGS)
			.withPropertyValues("bff.resource-server.token-types=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tokenTypes"));
	}

}
