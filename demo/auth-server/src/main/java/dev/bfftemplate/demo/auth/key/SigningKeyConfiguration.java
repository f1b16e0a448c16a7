package dev.bfftemplate.demo.auth.key;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The key that signs access and ID tokens, served at the JWKS endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeyConfiguration {

	private static final Log logger = LogFactory.getLog(SigningKeyConfiguration.class);

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(signingKey(properties.location())));
	}

	private static RSAKey signingKey(@Nullable Resource location) {
		if (location == null) {
			logger.info("Signing tokens with an RSA key generated at start: tokens do not survive a restart");
			return RsaSigningKeys.generate();
		}
		RSAKey key = RsaSigningKeys.load(location);
		logger.info("Signing tokens with the RSA key " + key.getKeyID() + " from " + location.getDescription());
		return key;
	}

}
