package dev.bfftemplate.edge.hygiene;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The guards of the public server that work below Spring WebFlux (see
 * {@link PublicRequestGuard} and {@link DecodingFailureProblems}). Server customizers of
 * this context do not reach the management server, so actuator keeps answering on
 * loopback whatever the {@code Host}.
 */
@Configuration(proxyBeanMethods = false)
class PublicServerConfiguration {

	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> publicServerGuards(PublicHosts publicHosts,
			EdgeHttpProperties properties) {
		return (factory) -> {
			factory.addRouteProviders(new PublicRequestGuard(publicHosts, properties.anyHostPaths()));
			factory.addServerCustomizers((server) -> server.doOnChannelInit(
					(observer, channel, remoteAddress) -> DecodingFailureProblems.install(channel.pipeline())));
		};
	}

}
