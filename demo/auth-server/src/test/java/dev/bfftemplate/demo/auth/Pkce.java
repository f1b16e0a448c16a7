package dev.bfftemplate.demo.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE code verifier and its S256 challenge (RFC 7636).
 *
 * @param verifier the code verifier, sent with the code exchange
 * @param challenge the S256 code challenge, sent with the authorization request
 */
record Pkce(String verifier, String challenge) {

	private static final SecureRandom random = new SecureRandom();

	static Pkce create() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String verifier = base64Url(bytes);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return new Pkce(verifier, base64Url(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
