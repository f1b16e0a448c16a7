package dev.bfftemplate.edge.tls;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves TLS with a certificate generated at start ({@code edge.tls.self-signed=true})
 * when no {@code server.ssl.bundle} is configured: the generated key is registered as the
 * SSL bundle {@value #BUNDLE} and the server is pointed at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("edge.tls.self-signed")
class SelfSignedTlsConfiguration {

	static final String BUNDLE = "edge-self-signed";

	private static final Log logger = LogFactory.getLog(SelfSignedTlsConfiguration.class);

	@Bean
	SslBundleRegistrar selfSignedBundleRegistrar(TlsProperties properties) {
		return (registry) -> {
			SelfSignedCertificate certificate = SelfSignedCertificate.generate(properties.selfSignedNames(),
					properties.selfSignedValidity());
			logger.warn("Serving TLS with a self-signed certificate generated at start (" + properties.selfSignedNames()
					+ "): for local runs only, clients will not trust it");
			SslStoreBundle stores = SslStoreBundle.of(certificate.keyStore(), certificate.password(), null);
			registry.registerBundle(BUNDLE,
					SslBundle.of(stores, SslBundleKey.of(certificate.password(), SelfSignedCertificate.ALIAS)));
		};
	}

	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> selfSignedTlsServerCustomizer() {
		return new SelfSignedTlsServerCustomizer();
	}

	/**
	 * Points the server at the generated bundle unless one is configured. Runs after
	 * Boot's customizer, which applies {@code server.ssl.*}.
	 */
	static class SelfSignedTlsServerCustomizer
			implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

		@Override
		public void customize(NettyReactiveWebServerFactory factory) {
			Ssl configured = factory.getSsl();
			if (Ssl.isEnabled(configured) && configured.getBundle() != null) {
				return;
			}
			factory.setSsl(Ssl.forBundle(BUNDLE));
		}

		@Override
		public int getOrder() {
			// before ModernTlsServerCustomizer, which needs to know whether TLS is on
			return Ordered.LOWEST_PRECEDENCE - 1;
		}

	}

}
