package dev.bfftemplate.demo.auth.key;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RsaSigningKeysTests {

	@TempDir
	private Path directory;

	@Test
	void generatedKeyIsAnRs256SigningKeyWithItsPrivatePart() {
		RSAKey key = RsaSigningKeys.generate();
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.size()).isEqualTo(2048);
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
		assertThat(RsaSigningKeys.generate().getKeyID()).as("each start has its own key").isNotEqualTo(key.getKeyID());
	}

	@Test
	void loadedKeyMatchesThePemAndKeepsItsKeyIdAcrossLoads() throws Exception {
		KeyPair keyPair = keyPair("RSA", 2048);
		FileSystemResource pem = writePkcs8Pem(keyPair);

		RSAKey key = RsaSigningKeys.load(pem);

		assertThat(key.toRSAPublicKey()).isEqualTo(keyPair.getPublic());
		assertThat(key.toRSAPrivateKey()).isEqualTo(keyPair.getPrivate());
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString())
			.isEqualTo(RsaSigningKeys.load(pem).getKeyID());
	}

	@Test
	void pemWithoutAnRsaKeyIsRefused() throws Exception {
		FileSystemResource pem = writePkcs8Pem(ecKeyPair());
		assertThatIllegalStateException().isThrownBy(() -> RsaSigningKeys.load(pem))
			.withMessageStartingWith("No RSA private key in");
	}

	@Test
	void missingPemIsRefused() {
		FileSystemResource pem = new FileSystemResource(this.directory.resolve("missing.pem"));
		assertThatIllegalStateException().isThrownBy(() -> RsaSigningKeys.load(pem))
			.withMessageStartingWith("Cannot read the RSA signing key from");
	}

	private FileSystemResource writePkcs8Pem(KeyPair keyPair) throws Exception {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(keyPair.getPrivate().getEncoded());
		Path file = this.directory.resolve("signing-key.pem");
		Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
		return new FileSystemResource(file);
	}

	private static KeyPair keyPair(String algorithm, int size) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
		generator.initialize(size);
		return generator.generateKeyPair();
	}

	private static KeyPair ecKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

}
