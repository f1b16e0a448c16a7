package dev.bfftemplate.edge.security;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Gives the JWKS fetch of the coarse token check connect and response timeouts. Spring
 * Security's default client has neither, and it fetches the JWKS again for every token
 * whose key id is unknown: a stalled auth server would otherwise hold such requests
 * forever.
 */
@Configuration(proxyBeanMethods = false)
class JwksClientConfiguration {

	@Bean
	JwkSetUriReactiveJwtDecoderBuilderCustomizer jwksClientTimeouts(EdgeSecurityProperties properties) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.jwksConnectTimeout().toMillis())
			.responseTimeout(properties.jwksResponseTimeout());
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		return (builder) -> builder.webClient(webClient);
	}

}
