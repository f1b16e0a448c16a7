package dev.bfftemplate.mobile.contract;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.bfftemplate.mobile.testing.MobileBffTest;
import dev.bfftemplate.mobile.testing.MobileContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1 contract pins the shapes: every response of the suite is checked against it (see
 * {@code ContractCheckedClient}); these prove the check itself fails a removed or renamed
 * field, lets a new one pass, and that the document is served to the mobile team.
 */
@MobileBffTest
class ContractTests {

	private static final String HOME = """
			{"firstName":"Alice","recentOrders":[{"id":"o-1","date":"2026-11-20",\
			"total":"9.99","currency":"EUR","status":"placed"}],"recommendations":[]}""";

	@Autowired
	private WebTestClient client;

	@Test
	void aConformingResponsePasses() {
		assertThat(violations(HOME)).isEmpty();
	}

	@Test
	void anAddedFieldPasses() {
		assertThat(violations(HOME.replace("\"firstName\":\"Alice\"", "\"firstName\":\"Alice\",\"avatar\":\"a.png\"")))
			.isEmpty();
	}

	@Test
	void aRemovedFieldFails() {
		assertThat(violations(HOME.replace("\"status\":\"placed\"", "\"x\":1"))).isNotEmpty();
	}

	@Test
	void aRenamedFieldFails() {
		assertThat(violations(HOME.replace("\"firstName\"", "\"givenName\""))).isNotEmpty();
		assertThat(violations(HOME.replace("\"total\"", "\"amount\""))).isNotEmpty();
	}

	@Test
	void aChangedTypeFails() {
		assertThat(violations(HOME.replace("\"status\":\"placed\"", "\"status\":3"))).isNotEmpty();
	}

	@Test
	void theDocumentIsServedForTheMobileTeam() throws Exception {
		byte[] checkedIn = new ClassPathResource("static/mobile/openapi/v1.json").getContentAsByteArray();
		byte[] served = this.client.get()
			.uri("/mobile/openapi/v1.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(served, StandardCharsets.UTF_8)).isEqualTo(new String(checkedIn, StandardCharsets.UTF_8));
	}

	private static java.util.List<String> violations(String home) {
		return MobileContract.checkedIn()
			.violations("GET", "/mobile/v1/home", false, 200, home.getBytes(StandardCharsets.UTF_8));
	}

}
