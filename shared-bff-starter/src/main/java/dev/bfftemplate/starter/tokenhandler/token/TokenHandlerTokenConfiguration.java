package dev.bfftemplate.starter.tokenhandler.token;

import dev.bfftemplate.starter.identity.DownstreamAuthorization;
import dev.bfftemplate.starter.problem.ProblemResponses;
import dev.bfftemplate.starter.redis.RedisConfiguredCondition;
import dev.bfftemplate.starter.redis.RedisStartupConnection;
import dev.bfftemplate.starter.tokenhandler.TokenHandlerProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.session.ReactiveSessionRepository;

/**
 * The user's tokens: kept in the session (without the client secret), refreshed once per
 * session shortly before they expire, relayed by the starter's downstream clients.
 * Imported by the token handler's auto-configuration, whose conditions apply.
 */
@Configuration(proxyBeanMethods = false)
public final class TokenHandlerTokenConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerOAuth2AuthorizedClientRepository sessionAuthorizedClientRepository(
			ReactiveClientRegistrationRepository registrations) {
		return new SessionAuthorizedClientRepository(registrations);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, TokenHandlerProperties properties) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.clockSkew(properties.tokens().refreshBeforeExpiry()))
			.build());
		return manager;
	}

	@Bean
	@ConditionalOnMissingBean
	SessionAccessTokens sessionAccessTokens(ReactiveOAuth2AuthorizedClientManager clientManager,
			ServerOAuth2AuthorizedClientRepository clientRepository, ReactiveClientRegistrationRepository registrations,
			ReactiveSessionRepository<?> sessionStore, ObjectProvider<RefreshLease> lease,
			TokenHandlerProperties properties) {
		return new SessionAccessTokens(clientManager, clientRepository, registrations, sessionStore, lease,
				properties.tokens());
	}

	@Bean
	@ConditionalOnMissingBean
	DownstreamAuthorization sessionTokenRelay(SessionAccessTokens tokens) {
		return new SessionTokenRelay(tokens);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiAccessTokenWebFilter apiAccessTokenWebFilter(SessionAccessTokens tokens, ProblemResponses problems,
			TokenHandlerProperties properties) {
		return new ApiAccessTokenWebFilter(tokens, problems, properties.paths().tokenRelay());
	}

	/**
	 * With sessions in Redis, several instances may serve one session at the same moment:
	 * a lease in Redis makes one of them refresh. Without Redis there is one instance,
	 * whose single flight per session suffices.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.core.ReactiveStringRedisTemplate")
	@Conditional(RedisConfiguredCondition.class)
	static class RedisRefreshLeaseConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RefreshLease refreshLease(ReactiveStringRedisTemplate redis, RedisStartupConnection connection,
				TokenHandlerProperties properties) {
			return new RedisRefreshLease(redis, connection, properties.tokens());
		}

	}

}
