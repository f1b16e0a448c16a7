package dev.bfftemplate.starter.tokenhandler.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.SecretKey;
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
	void afterARotationTheNewKeyEncryptsAndTheOldOneStillDecrypts() {
		byte[] writtenWithTheOldKey = this.serializer.serialize("old");
		EncryptingRedisSerializer rotated = serializer((byte) 2, (byte) 1);
		assertThat(rotated.deserialize(writtenWithTheOldKey)).isEqualTo("old");
		byte[] writtenWithTheNewKey = rotated.serialize("new");
		assertThat(serializer((byte) 2).deserialize(writtenWithTheNewKey)).isEqualTo("new");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serializer.deserialize(writtenWithTheNewKey));
	}

	@Test
	void nullStaysEmpty() {
		assertThat(this.serializer.serialize(null)).isEmpty();
		assertThat(this.serializer.deserialize(null)).isNull();
	}

	private static EncryptingRedisSerializer serializer(byte... keyBytes) {
		List<SecretKey> keys = new ArrayList<>();
		for (byte keyByte : keyBytes) {
			byte[] key = new byte[32];
			Arrays.fill(key, keyByte);
			keys.add(new SecretKeySpec(key, "AES"));
		}
		return new EncryptingRedisSerializer(new JdkSerializationRedisSerializer(), keys);
	}

}
