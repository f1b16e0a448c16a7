package dev.bfftemplate.edge.tls;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Serves TLS, whatever bundle or key store it uses, with the modern profile only:
 * {@code edge.tls.protocols} (TLS 1.3 and 1.2) and {@code edge.tls.ciphers} (for TLS 1.2
 * only ECDHE key exchange with AEAD ciphers: no static RSA, no CBC), replacing any
 * {@code options} of the bundle. With TLS it also offers HTTP/2 by ALPN ({@code h2}, then
 * {@code http/1.1}) and refuses renegotiation initiated by clients (a cheap way to make
 * the server spend CPU). Plain HTTP stays HTTP/1.1 only.
 * <p>
 * Renegotiation is a setting of the JDK's TLS implementation for the whole JVM
 * ({@value #REJECT_CLIENT_RENEGOTIATION}), read at its first server handshake: it is set
 * here, before the server starts, unless the JVM was started with it.
 */
@Component
class ModernTlsServerCustomizer implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

	static final String REJECT_CLIENT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

	private final SslOptions modern;

	ModernTlsServerCustomizer(TlsProperties properties) {
		this.modern = SslOptions.of(properties.ciphers().toArray(String[]::new),
				properties.protocols().toArray(String[]::new));
	}

	@Override
	public int getOrder() {
		// after Boot's customizers and the self-signed one, which decide whether TLS is
		// on
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		Ssl ssl = factory.getSsl();
		if (!Ssl.isEnabled(ssl)) {
			return;
		}
		ssl.setCiphers(this.modern.getCiphers());
		ssl.setEnabledProtocols(this.modern.getEnabledProtocols());
		if (factory.getSslBundles() != null) {
			factory.setSslBundles(new ModernOptionsBundles(factory.getSslBundles(), this.modern));
		}
		Http2 http2 = new Http2();
		http2.setEnabled(true);
		factory.setHttp2(http2);
		if (System.getProperty(REJECT_CLIENT_RENEGOTIATION) == null) {
			System.setProperty(REJECT_CLIENT_RENEGOTIATION, "true");
		}
	}

	/**
	 * The application's bundles, each with the modern options.
	 */
	private record ModernOptionsBundles(SslBundles bundles, SslOptions options) implements SslBundles {

		@Override
		public SslBundle getBundle(String name) throws NoSuchSslBundleException {
			return withOptions(this.bundles.getBundle(name));
		}

		@Override
		public void addBundleUpdateHandler(String name, Consumer<SslBundle> updateHandler)
				throws NoSuchSslBundleException {
			this.bundles.addBundleUpdateHandler(name, (bundle) -> updateHandler.accept(withOptions(bundle)));
		}

		@Override
		public void addBundleRegisterHandler(BiConsumer<String, SslBundle> registerHandler) {
			this.bundles.addBundleRegisterHandler((name, bundle) -> registerHandler.accept(name, withOptions(bundle)));
		}

		@Override
		public List<String> getBundleNames() {
			return this.bundles.getBundleNames();
		}

		private SslBundle withOptions(SslBundle bundle) {
			return SslBundle.of(bundle.getStores(), bundle.getKey(), this.options, bundle.getProtocol(),
					bundle.getManagers());
		}

	}

}
