package dev.bfftemplate.demo.services.pricing;

import java.math.BigDecimal;

import dev.bfftemplate.demo.services.data.DemoDataConfiguration;
import dev.bfftemplate.demo.services.data.DemoDataset;
import dev.bfftemplate.demo.services.data.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebFluxTest(PricingController.class)
@Import(DemoDataConfiguration.class)
class PricingControllerTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DemoDataset dataset;

	@Test
	void priceIsADecimalStringInMajorUnits() {
		Money price = this.dataset.product("p-001").orElseThrow().price();
		Price body = this.client.get()
			.uri("/pricing/prices/p-001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Price.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		assertThat(body.productId()).isEqualTo("p-001");
		assertThat(body.currency()).isEqualTo("EUR");
		assertThat(body.amount()).matches("\\d+\\.\\d{2}");
		assertThat(new BigDecimal(body.amount()).movePointRight(2).longValueExact()).isEqualTo(price.minorUnits());
	}

	@Test
	void unknownProductIsNotFoundProblem() {
		this.client.get()
			.uri("/pricing/prices/nope")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
