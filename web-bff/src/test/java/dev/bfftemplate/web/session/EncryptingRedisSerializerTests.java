package dev.bfftemplate.web.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EncryptingRedisSerializerTests {

	private final EncryptingRedisSerializer serializer = serializer((byte) 1);

	@Test
	void valuesRoundTripAndTheStoredBytesHideThem() {
		byte[] stored = this.serializer.serialize("refresh-token-value");
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token-value");
		assertThat(this.serializer.deserialize(stored)).isEqualTo("refresh-token-value");
	}

	@Test
	void theSameValueIsStoredDifferentlyEachTime() {
		assertThat(this.serializer.serialize("same")).isNotEqualTo(this.serializer.serialize("same"));
	}

	@Test
	void aTamperedValueIsRefused() {
		byte[] stored = this.serializer.serialize("value");
		stored[stored.length - 1] ^= 1;
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> this.serializer.deserialize(stored));
	}

	@Test
	void anotherKeyCannotRead() {
		byte[] stored = this.serializer.serialize("value");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer((byte) 2).deserialize(stored));
	}

	@Test
	void nullStaysEmpty() {
		assertThat(this.serializer.serialize(null)).isEmpty();
		assertThat(this.serializer.deserialize(null)).isNull();
	}

	private static EncryptingRedisSerializer serializer(byte keyByte) {
		byte[] key = new byte[32];
		Arrays.fill(key, keyByte);
		return new EncryptingRedisSerializer(new JdkSerializationRedisSerializer(), new SecretKeySpec(key, "AES"));
	}

}
