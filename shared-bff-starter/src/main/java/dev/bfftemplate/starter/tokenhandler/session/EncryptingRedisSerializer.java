package dev.bfftemplate.starter.tokenhandler.session;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.util.Assert;

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

	private final List<SecretKey> keys;

	private final SecureRandom random = SeededRandom.create();

	/**
	 * Creates a serializer.
	 * @param delegate the serializer of the plain values
	 * @param keys the keys, the one that encrypts first; every one decrypts, so sessions
	 * written before a key rotation stay readable
	 */
	EncryptingRedisSerializer(RedisSerializer<Object> delegate, List<SecretKey> keys) {
		Assert.notEmpty(keys, "At least one key is needed");
		this.delegate = delegate;
		this.keys = List.copyOf(keys);
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
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(0), new GCMParameterSpec(TAG_BITS, nonce));
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
		GeneralSecurityException failure = null;
		for (SecretKey key : this.keys) {
			try {
				Cipher cipher = Cipher.getInstance(TRANSFORMATION);
				cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_LENGTH));
				byte[] plain = cipher.doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH);
				return this.delegate.deserialize(plain);
			}
			catch (GeneralSecurityException ex) {
				// GCM's tag fails at once for another key: try the next one.
				failure = ex;
			}
		}
		throw new SerializationException("Cannot decrypt a session attribute (no configured key fits, or tampered)",
				failure);
	}

}
