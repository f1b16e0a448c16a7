package dev.bfftemplate.edge.tls;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * TLS helpers for local runs. Production TLS is Spring Boot's own
 * {@code server.ssl.bundle} with a bundle from {@code spring.ssl.bundle.*}.
 *
 * @param selfSigned whether to serve TLS with a certificate generated at start when no
 * {@code server.ssl.bundle} is configured (local runs only: browsers will warn)
 * @param selfSignedNames the DNS names and IP addresses the generated certificate is for
 * @param selfSignedValidity how long the generated certificate is valid
 * @param redirect the plain HTTP port that redirects to HTTPS
 * @param protocols the TLS versions served, whatever the SSL bundle says
 * @param ciphers the cipher suites served (TLS 1.3 ones, and for TLS 1.2 ECDHE with AEAD
 * only), whatever the SSL bundle says
 */
@ConfigurationProperties("edge.tls")
@Validated
public record TlsProperties(@DefaultValue("false") boolean selfSigned, @DefaultValue( {
		"localhost", "127.0.0.1" }) List<String> selfSignedNames, @DefaultValue("30d") Duration selfSignedValidity,
		@DefaultValue Redirect redirect, @DefaultValue({ "TLSv1.3", "TLSv1.2" }) List<String> protocols,
		@DefaultValue({ "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
				"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
				"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
				"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
				"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" }) List<String> ciphers){

	/**
	 * A plain HTTP port that answers every request with 308 to the same URL over HTTPS.
	 *
	 * @param enabled whether the redirect port is opened
	 * @param port the plain HTTP port (0 for a free one)
	 */
	public record Redirect(@DefaultValue("false") boolean enabled, @DefaultValue("8080") int port) {

	}

}
