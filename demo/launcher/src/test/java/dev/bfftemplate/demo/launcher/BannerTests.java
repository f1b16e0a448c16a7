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

	@Test
	void printsTheDemoPartnerKeysAndAPartnerCall() {
		String banner = DemoLauncher.Banner.render(StackApp.defaults());
		assertThat(banner).contains("http://localhost:8080/partner/v1/docs")
			.contains("demo-acme-2f8c1e9a7b4d6053")
			.contains(
					"curl -H 'X-API-Key: demo-acme-2f8c1e9a7b4d6053' http://localhost:8080/partner/v1/products/p-001");
	}

}
