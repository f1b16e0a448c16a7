package dev.bfftemplate.partner.contract;

import java.io.IOException;
import java.io.InputStream;

import dev.bfftemplate.partner.testing.BreakingChanges;
import dev.bfftemplate.partner.testing.OpenApiContract;
import dev.bfftemplate.partner.testing.PartnerBffTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PartnerBffTest
class ContractTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@Test
	void servedDocumentIsTheCheckedInOneAndNeedsNoKey() throws IOException {
		byte[] served = this.client.get()
			.uri("/partner/v1/openapi.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		try (InputStream in = new ClassPathResource(OpenApiContract.DOCUMENT).getInputStream()) {
			assertThat(json.readTree(served)).isEqualTo(json.readTree(in));
		}
		assertThat(json.readTree(served).path("openapi").asString()).isEqualTo("3.1.0");
	}

	@Test
	void servedDocumentKeepsEveryPromiseOfThePublishedV1() throws IOException {
		JsonNode served = json.readTree(this.client.get()
			.uri("/partner/v1/openapi.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody());
		assertThat(BreakingChanges.between(ContractCompatibilityTests.published(), served)).isEmpty();
	}

	@Test
	void documentHasAPageForPeople() {
		this.client.get()
			.uri("/partner/v1/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("openapi.json").contains("successor"));
	}

}
