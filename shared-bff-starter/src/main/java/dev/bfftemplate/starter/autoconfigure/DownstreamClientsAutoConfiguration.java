package dev.bfftemplate.starter.autoconfigure;

import dev.bfftemplate.starter.downstream.DownstreamClientConfigurer;
import dev.bfftemplate.starter.downstream.Downstreams;
import dev.bfftemplate.starter.identity.DownstreamAuthorization;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of the HTTP service groups of the downstreams: size limit, token
 * relay and retries on each group's {@code WebClient}.
 *
 * @author BFF template
 */
@AutoConfiguration(after = FanOutAutoConfiguration.class)
@ConditionalOnClass(WebClientHttpServiceGroupConfigurer.class)
@ConditionalOnBean(Downstreams.class)
public final class DownstreamClientsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DownstreamClientConfigurer downstreamClientConfigurer(Downstreams downstreams,
			ObjectProvider<DownstreamAuthorization> authorization) {
		return new DownstreamClientConfigurer(downstreams, authorization.getIfAvailable());
	}

}
