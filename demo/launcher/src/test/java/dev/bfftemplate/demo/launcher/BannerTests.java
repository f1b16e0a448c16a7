package dev.bfftemplate.demo.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTests {

	@Test
	void printsUrlsLoginsAndHowToStop() {
		String banner = DemoLauncher.Banner.render(StackApp.defaults());
		assertThat(banner).contains("http://localhost:8080/")
			.contains("http://localhost:8090/catalog/products/p-001")
			.contains("http://localhost:9000/.well-known/openid-configuration")
			.contains("alice / alice-password")
			.contains("Ctrl-C");
	}

}
