package dev.bfftemplate.edge.routing;

import reactor.netty.http.client.HttpClient;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;

/**
 * Applies {@link UpstreamDnsProperties} to the gateway's HTTP client, so that the
 * replicas behind one upstream name share the traffic and a stopped one leaves the
 * rotation within {@code edge.upstream-dns.max-time-to-live}.
 */
@Component
class UpstreamDnsCustomizer implements HttpClientCustomizer {

	private final UpstreamDnsProperties properties;

	UpstreamDnsCustomizer(UpstreamDnsProperties properties) {
		this.properties = properties;
	}

	@Override
	public HttpClient customize(HttpClient httpClient) {
		return httpClient.resolver((resolver) -> resolver.cacheMaxTimeToLive(this.properties.maxTimeToLive())
			.roundRobinSelection(this.properties.roundRobin()));
	}

}
