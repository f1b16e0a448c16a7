package dev.bfftemplate.demo.auth.key;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.Resource;

/**
 * Creates the RS256 signing key: generated, or loaded from a PEM.
 */
final class RsaSigningKeys {

	private static final String RSA = "RSA";

	// The minimum RSA size that RFC 7518 allows for RS256.
	private static final int GENERATED_KEY_SIZE = 2048;

	private RsaSigningKeys() {
	}

	/**
	 * Generates a new RSA key pair.
	 * @return the signing key
	 */
	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(RSA);
			generator.initialize(GENERATED_KEY_SIZE);
			KeyPair keyPair = generator.generateKeyPair();
			return signingKey((RSAPublicKey) keyPair.getPublic(), (RSAPrivateKey) keyPair.getPrivate());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	/**
	 * Loads an RSA private key from a PEM and derives its public key.
	 * @param pem the PEM holding the private key
	 * @return the signing key
	 * @throws IllegalStateException when the PEM cannot be read or holds no RSA private
	 * key
	 */
	static RSAKey load(Resource pem) {
		if (!(readPrivateKey(pem) instanceof RSAPrivateCrtKey privateKey)) {
			throw new IllegalStateException("No RSA private key in " + pem.getDescription());
		}
		return signingKey(publicKeyOf(privateKey), privateKey);
	}

	private static @Nullable PrivateKey readPrivateKey(Resource pem) {
		try (InputStream content = pem.getInputStream()) {
			return PemContent.load(content).getPrivateKey();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the RSA signing key from " + pem.getDescription(), ex);
		}
	}

	private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
		try {
			RSAPublicKeySpec spec = new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent());
			return (RSAPublicKey) KeyFactory.getInstance(RSA).generatePublic(spec);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive the public key of the RSA signing key", ex);
		}
	}

	private static RSAKey signingKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
		RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build();
		try {
			// The thumbprint (RFC 7638) keeps the key id stable across restarts with the
			// same
			// PEM, so resource servers' cached JWKS stay valid.
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the signing key's thumbprint", ex);
		}
	}

}
