package dev.bfftemplate.starter.tokenhandler.session;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomSessionIdGeneratorTests {

	private final RandomSessionIdGenerator generator = new RandomSessionIdGenerator();

	@Test
	void idsCarry256RandomBitsAsUrlSafeText() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String id = this.generator.generate();
			assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+");
			ids.add(id);
		}
		assertThat(ids).hasSize(1000);
	}

}
