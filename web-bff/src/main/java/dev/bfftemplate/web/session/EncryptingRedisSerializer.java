package dev.bfftemplate.web.session;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Encrypts what another serializer produces with AES-GCM, so a Redis dump or replica
 * reveals no session attribute (tokens above all). Each value gets a fresh random nonce,
 * stored in front of the ciphertext; GCM's tag makes a tampered value fail to decrypt.
 */
class EncryptingRedisSerializer implements RedisSerializer<Object> {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final RedisSerializer<Object> delegate;

	private final SecretKey key;

	private final SecureRandom random = SeededRandom.create();

	EncryptingRedisSerializer(RedisSerializer<Object> delegate, SecretKey key) {
		this.delegate = delegate;
		this.key = key;
	}

	@Override
	public byte[] serialize(Object value) {
		byte[] plain = this.delegate.serialize(value);
		if (plain == null || plain.length == 0) {
			return plain;
		}
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new SerializationException("Cannot encrypt a session attribute", ex);
		}
	}

	@Override
	public Object deserialize(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		if (bytes.length <= NONCE_LENGTH) {
			throw new SerializationException("Session attribute is too short to be encrypted");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_LENGTH));
			return this.delegate.deserialize(cipher.doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH));
		}
		catch (GeneralSecurityException ex) {
			throw new SerializationException("Cannot decrypt a session attribute (wrong key or tampered value)", ex);
		}
	}

}
