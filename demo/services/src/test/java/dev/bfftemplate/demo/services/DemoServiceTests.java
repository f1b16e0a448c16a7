package dev.bfftemplate.demo.services;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoServiceTests {

	@Test
	void serviceIsFoundByTheFirstPathSegment() {
		assertThat(DemoService.forPath("/catalog/products/p-001")).contains(DemoService.CATALOG);
		assertThat(DemoService.forPath("/orders")).contains(DemoService.ORDERS);
		assertThat(DemoService.forPath("/recommendations/customers/c-001")).contains(DemoService.RECOMMENDATIONS);
	}

	@Test
	void pathsOutsideEveryServiceHaveNone() {
		assertThat(DemoService.forPath("/livez")).isEmpty();
		assertThat(DemoService.forPath("/")).isEmpty();
		assertThat(DemoService.forPath("/catalogue/products")).isEmpty();
	}

}
