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
 */
@ConfigurationProperties("edge.tls")
@Validated
public record TlsProperties(@DefaultValue("false") boolean selfSigned, @DefaultValue( {
		"localhost", "127.0.0.1" }) List<String> selfSignedNames, @DefaultValue("30d") Duration selfSignedValidity,
		@DefaultValue Redirect redirect){

	/**
	 * A plain HTTP port that answers every request with 308 to the same URL over HTTPS.
	 *
	 * @param enabled whether the redirect port is opened
	 * @param port the plain HTTP port (0 for a free one)
	 */
	public record Redirect(@DefaultValue("false") boolean enabled, @DefaultValue("8080") int port) {

	}

}
