package dev.bfftemplate.edge.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.NameResolverProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's client looks upstream names up again within the configured time and
 * spreads new connections over every address, so compose replicas behind one name share
 * the traffic and a stopped one drops out.
 */
class UpstreamDnsCustomizerTests {

	@Test
	void capsTheDnsCacheAndRotatesOverTheAddresses() {
		UpstreamDnsCustomizer customizer = new UpstreamDnsCustomizer(
				new UpstreamDnsProperties(Duration.ofSeconds(7), true));
		NameResolverProvider resolver = customizer.customize(HttpClient.create())
			.configuration()
			.getNameResolverProvider();
		assertThat(resolver.cacheMaxTimeToLive()).isEqualTo(Duration.ofSeconds(7));
		assertThat(resolver.isRoundRobinSelection()).isTrue();
	}

	@Test
	void keepsTheFirstAddressWhenRotationIsOff() {
		UpstreamDnsCustomizer customizer = new UpstreamDnsCustomizer(
				new UpstreamDnsProperties(Duration.ofSeconds(7), false));
		assertThat(customizer.customize(HttpClient.create())
			.configuration()
			.getNameResolverProvider()
			.isRoundRobinSelection()).isFalse();
	}

}
