package dev.bfftemplate.mobile.orders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.bfftemplate.mobile.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident paging cursors bound to one user: the position (the last order
 * id of the page) and an HMAC-SHA256 of the user and the position. A cursor changed by
 * the client, or issued to another user, is a 400 problem.
 */
@Component
class OrderCursor {

	private static final Log logger = LogFactory.getLog(OrderCursor.class);

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MIN_SECRET_BYTES = 32;

	private final SecretKeySpec key;

	OrderCursor(OrdersProperties properties) {
		this.key = new SecretKeySpec(secret(properties.cursorSecret()), ALGORITHM);
	}

	String next(String user, String lastOrderId) {
		return encode(lastOrderId.getBytes(StandardCharsets.UTF_8)) + "." + encode(mac(user, lastOrderId));
	}

	/**
	 * The position a cursor stands for.
	 * @param user the caller
	 * @param cursor the cursor, {@code null} for the first page
	 * @return the last order id before the page, {@code null} for the first page
	 */
	@Nullable String position(String user, @Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		int dot = cursor.indexOf('.');
		try {
			if (dot > 0) {
				String position = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)),
						StandardCharsets.UTF_8);
				byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
				if (MessageDigest.isEqual(signature, mac(user, position))) {
					return position;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not Base64: refused below like any other bad cursor
		}
		throw Problems.of(HttpStatus.BAD_REQUEST, "invalid-cursor",
				"The cursor is not one this API gave you; start again without it.", Map.of());
	}

	private byte[] mac(String user, String position) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			// the length prefix keeps (user, position) pairs apart
			mac.update((user.length() + ":" + user + position).getBytes(StandardCharsets.UTF_8));
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required of every JVM", ex);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] secret(@Nullable String configured) {
		if (configured == null || configured.isBlank()) {
			logger.warn("No mobile-bff.orders.cursor-secret: paging cursors are signed with a random secret, valid "
					+ "on this instance until it stops");
			byte[] random = new byte[MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(random);
			return random;
		}
		byte[] secret = Base64.getDecoder().decode(configured);
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException(
					"mobile-bff.orders.cursor-secret must be Base64 of at least " + MIN_SECRET_BYTES + " bytes");
		}
		return secret;
	}

}
