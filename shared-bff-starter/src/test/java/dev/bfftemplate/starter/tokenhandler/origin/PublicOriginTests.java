package dev.bfftemplate.starter.tokenhandler.origin;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublicOriginTests {

	@Test
	void urlsAreThePathAtTheOrigin() {
		assertThat(new PublicOrigin(URI.create("https://shop.example.com")).urlOf("/products/p-1?tab=2"))
			.isEqualTo("https://shop.example.com/products/p-1?tab=2");
		assertThat(new PublicOrigin(URI.create("http://localhost:8080/")).urlOf("/"))
			.isEqualTo("http://localhost:8080/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop.example.com", "/shop", "ftp://shop.example.com", "https://shop.example.com/app",
			"https://shop.example.com/?a=b", "https://shop.example.com/#x", "https://user@shop.example.com",
			"https:///path" })
	void anythingButAnHttpOriginIsRefused(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> new PublicOrigin(URI.create(value)))
			.withMessageContaining("bff.token-handler.public-base-url");
	}

}
