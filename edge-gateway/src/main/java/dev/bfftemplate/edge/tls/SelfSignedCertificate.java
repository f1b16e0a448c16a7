package dev.bfftemplate.edge.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA key and a self-signed X.509 certificate made in memory, for local TLS runs.
 * Nothing is written to disk; a new one is made at every start.
 *
 * @param keyStore a PKCS#12 key store holding the key and certificate under
 * {@link #ALIAS}
 * @param password the key store and key password
 * @param certificate the certificate
 */
record SelfSignedCertificate(KeyStore keyStore, String password, X509Certificate certificate) {

	static final String ALIAS = "edge";

	private static final int KEY_SIZE = 2048;

	private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/**
	 * Make a key and a certificate for the given names.
	 * @param names DNS names and IP addresses (the first is the subject's common name)
	 * @param validity how long the certificate is valid
	 * @return the certificate with its key store
	 */
	static SelfSignedCertificate generate(List<String> names, Duration validity) {
		try {
			SecureRandom random = new SecureRandom();
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE, random);
			KeyPair keyPair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=" + names.get(0));
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random),
					Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(validity)), subject, keyPair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keyPair.getPrivate())));
			String password = new BigInteger(128, random).toString(36);
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), password.toCharArray(),
					new Certificate[] { certificate });
			return new SelfSignedCertificate(keyStore, password, certificate);
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("Could not generate a self-signed certificate", ex);
		}
	}

	private static GeneralNames alternativeNames(List<String> names) {
		return new GeneralNames(names.stream()
			.map((name) -> new GeneralName(isIpAddress(name) ? GeneralName.iPAddress : GeneralName.dNSName, name))
			.toArray(GeneralName[]::new));
	}

	private static boolean isIpAddress(String name) {
		return name.chars().allMatch((c) -> Character.isDigit(c) || c == '.') || name.contains(":");
	}

}
