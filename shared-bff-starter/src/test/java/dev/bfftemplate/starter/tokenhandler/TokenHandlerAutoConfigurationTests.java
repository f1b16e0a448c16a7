package dev.bfftemplate.starter.tokenhandler;

import java.net.URI;

import dev.bfftemplate.starter.autoconfigure.ProblemResponsesAutoConfiguration;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;
import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.starter.tokenhandler.login.LoginFailureHandler;
import dev.bfftemplate.starter.tokenhandler.origin.PublicOrigin;
import dev.bfftemplate.starter.tokenhandler.session.OidcSessionIndex;
import dev.bfftemplate.starter.tokenhandler.token.SessionAccessTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.session.ReactiveSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token handler is on where a browser BFF has what it needs, off everywhere else, and
 * each of its beans yields to an application's own.
 */
class TokenHandlerAutoConfigurationTests {

	private static final String[] BROWSER_BFF = { "bff.token-handler.public-base-url=https://shop.example.com",
			"bff.token-handler.tokens.registration-id=shop",
			"spring.security.oauth2.client.registration.shop.client-id=shop",
			"spring.security.oauth2.client.registration.shop.client-secret=shop-secret",
			"spring.security.oauth2.client.registration.shop.authorization-grant-type=authorization_code",
			"spring.security.oauth2.client.registration.shop.redirect-uri=https://shop.example.com/login/oauth2/code/shop",
			"spring.security.oauth2.client.registration.shop.scope=openid",
			"spring.security.oauth2.client.registration.shop.provider=idp",
			"spring.security.oauth2.client.provider.idp.authorization-uri=https://idp.example.com/authorize",
			"spring.security.oauth2.client.provider.idp.token-uri=https://idp.example.com/token",
			"spring.security.oauth2.client.provider.idp.jwk-set-uri=https://idp.example.com/jwks" };

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveOAuth2ClientAutoConfiguration.class, ReactiveOAuth2ClientWebSecurityAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, SessionAutoConfiguration.class,
				ProblemResponsesAutoConfiguration.class, TokenHandlerAutoConfiguration.class))
		.withBean(ServerProperties.class, ServerProperties::new);

	@Test
	void aBrowserBffWithAClientRegistrationGetsTheTokenHandler() {
		this.runner.withPropertyValues(BROWSER_BFF).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SessionAccessTokens.class);
			assertThat(context).hasSingleBean(DownstreamAuthorization.class);
			assertThat(context).hasSingleBean(OidcSessionIndex.class);
			assertThat(context).hasSingleBean(ReactiveSessionRepository.class);
			assertThat(context).hasBean("tokenHandlerSecurity").hasBean("managementSecurity");
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).hasSize(2);
			assertThat(context.getBean(PublicOrigin.class).urlOf("/")).isEqualTo("https://shop.example.com/");
		});
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues(BROWSER_BFF)
			.withPropertyValues("bff.token-handler.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SessionAccessTokens.class);
				assertThat(context).doesNotHaveBean("tokenHandlerSecurity");
				// Boot's own OAuth2 login chain takes over.
				assertThat(context).hasSingleBean(SecurityWebFilterChain.class);
			});
	}

	@Test
	void offWithoutAClientRegistration() {
		this.runner.withPropertyValues("bff.token-handler.public-base-url=https://shop.example.com").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ReactiveClientRegistrationRepository.class);
			assertThat(context).doesNotHaveBean(SessionAccessTokens.class);
			assertThat(context).doesNotHaveBean(OidcSessionIndex.class);
		});
	}

	@Test
	void aBffWithoutTheOAuth2ClientAndSpringSessionStartsWithoutIt() {
		// mobile-bff and partner-bff: no OAuth2 client, no Spring Session on the class
		// path (their own test suites run so); the problems writer is still there for
		// their filters. Boot's security auto-configurations are left out here: Spring
		// Security's own configuration looks the OAuth2 client up through another class
		// loader than the filtered one.
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebClientAutoConfiguration.class,
					ProblemResponsesAutoConfiguration.class, TokenHandlerAutoConfiguration.class))
			.withPropertyValues(BROWSER_BFF)
			.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client.",
					"org.springframework.session."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TokenHandlerAutoConfiguration.class);
				assertThat(context).doesNotHaveBean(TokenHandlerProperties.class);
				assertThat(context).hasSingleBean(ProblemResponses.class);
			});
	}

	@Test
	void withoutSpringSessionAloneItIsOffToo() {
		this.runner.withPropertyValues(BROWSER_BFF)
			.withClassLoader(new FilteredClassLoader("org.springframework.session."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TokenHandlerAutoConfiguration.class);
			});
	}

	@Test
	void eachBeanYieldsToTheApplicationsOwn() {
		OidcSessionIndex ownIndex = new OidcSessionIndex() {

			@Override
			public Mono<Void> register(String subject, String providerSessionId, String sessionId) {
				return Mono.empty();
			}

			@Override
			public Flux<String> sessionIds(String subject, String providerSessionId) {
				return Flux.empty();
			}

			@Override
			public Mono<Void> forget(String subject, String providerSessionId) {
				return Mono.empty();
			}

		};
		ServerOAuth2AuthorizedClientRepository ownClients = new WebSessionServerOAuth2AuthorizedClientRepository();
		DownstreamAuthorization ownRelay = (downstream) -> Mono.just("own-token");
		PublicOrigin ownOrigin = new PublicOrigin(URI.create("https://own.example.com"));
		LoginFailureHandler ownFailure = new LoginFailureHandler("/own-login-error");
		ProblemResponses ownProblems = new ProblemResponses(JsonMapper.shared());
		this.runner.withPropertyValues(BROWSER_BFF)
			.withBean(OidcSessionIndex.class, () -> ownIndex)
			.withBean(ServerOAuth2AuthorizedClientRepository.class, () -> ownClients)
			.withBean(DownstreamAuthorization.class, () -> ownRelay)
			.withBean(PublicOrigin.class, () -> ownOrigin)
			.withBean(LoginFailureHandler.class, () -> ownFailure)
			.withBean(ProblemResponses.class, () -> ownProblems)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(OidcSessionIndex.class)).isSameAs(ownIndex);
				assertThat(context.getBean(ServerOAuth2AuthorizedClientRepository.class)).isSameAs(ownClients);
				assertThat(context.getBean(DownstreamAuthorization.class)).isSameAs(ownRelay);
				assertThat(context.getBean(PublicOrigin.class)).isSameAs(ownOrigin);
				assertThat(context.getBean(LoginFailureHandler.class)).isSameAs(ownFailure);
				assertThat(context.getBean(ProblemResponses.class)).isSameAs(ownProblems);
				// The rest of the token handler is still there, built on them.
				assertThat(context).hasSingleBean(SessionAccessTokens.class).hasBean("tokenHandlerSecurity");
			});
	}

	@Test
	void withoutAPublicBaseUrlTheApplicationRefusesToStart() {
		this.runner.withPropertyValues(BROWSER_BFF)
			.withPropertyValues("bff.token-handler.public-base-url=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("bff.token-handler")
				.hasStackTraceContaining("publicBaseUrl"));
	}

	@Test
	void aPublicBaseUrlWithAPathRefusesToStart() {
		this.runner.withPropertyValues(BROWSER_BFF)
			.withPropertyValues("bff.token-handler.public-base-url=https://shop.example.com/app")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("must be an http(s) origin"));
	}

}
