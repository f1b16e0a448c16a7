package dev.bfftemplate.starter.autoconfigure;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.bfftemplate.starter.downstream.ConnectionPoolProperties;
import dev.bfftemplate.starter.downstream.DownstreamClientConfigurer;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.downstream.DownstreamsProperties;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

/**
 * Auto-configuration of the HTTP service groups of the downstreams: a connection pool
 * sized for fan-out, and size limit, token relay and retries on each group's
 * {@code WebClient}.
 *
 * @author BFF template
 */
@AutoConfiguration(after = FanOutAutoConfiguration.class)
@ConditionalOnClass(WebClientHttpServiceGroupConfigurer.class)
@ConditionalOnBean(Downstreams.class)
@EnableConfigurationProperties(ConnectionPoolProperties.class)
public final class DownstreamClientsAutoConfiguration {

	@Bean(destroyMethod = "disposeLater")
	@ConditionalOnMissingBean
	@ConditionalOnClass(HttpClient.class)
	ConnectionProvider downstreamConnectionProvider(ConnectionPoolProperties properties) {
		return ConnectionProvider.builder("bff-downstreams")
			.maxConnections(properties.maxConnections())
			// the downstreams' concurrency limits bound the calls waiting for a
			// connection
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(properties.pendingAcquireTimeout())
			.maxIdleTime(properties.maxIdleTime())
			.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 100)
	@ConditionalOnMissingBean(name = "downstreamConnectionPoolCustomizer")
	@ConditionalOnClass(HttpClient.class)
	ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> downstreamConnectionPoolCustomizer(
			ConnectionProvider downstreamConnectionProvider) {
		return (builder) -> builder.withHttpClientFactory(() -> HttpClient.create(downstreamConnectionProvider));
	}

	/**
	 * Downstream redirects are never followed: a BFF calls only its configured base URLs
	 * (no open proxy), whatever {@code spring.http.clients.redirects} says.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 100)
	@ConditionalOnMissingBean(name = "downstreamRedirectsCustomizer")
	@ConditionalOnClass(HttpClient.class)
	ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> downstreamRedirectsCustomizer() {
		return (builder) -> builder.withHttpClientCustomizer((httpClient) -> httpClient.followRedirect(false));
	}

	@Bean
	@ConditionalOnMissingBean
	DownstreamClientConfigurer downstreamClientConfigurer(Downstreams downstreams,
			ObjectProvider<DownstreamAuthorization> authorization) {
		return new DownstreamClientConfigurer(downstreams, authorization.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	DownstreamNamesCheck downstreamNamesCheck(DownstreamsProperties properties,
			ObjectProvider<HttpServiceProxyRegistry> registry) {
		return new DownstreamNamesCheck(properties, registry);
	}

}
