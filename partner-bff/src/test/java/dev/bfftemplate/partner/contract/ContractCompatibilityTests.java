package dev.bfftemplate.partner.contract;

import java.io.IOException;
import java.io.InputStream;

import dev.bfftemplate.partner.testing.BreakingChanges;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility check itself: it must see each kind of change that breaks a v1
 * client, and let additions through.
 */
class ContractCompatibilityTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void unchangedDocumentBreaksNothing() throws IOException {
		assertThat(BreakingChanges.between(published(), published())).isEmpty();
	}

	@Test
	void additionsBreakNothing() throws IOException {
		JsonNode current = published();
		schema(current, "Order").withObject("properties").putObject("trackingUrl").put("type", "string");
		((ObjectNode) current.path("paths")).putObject("/invoices").putObject("get");
		schema(current, "NewOrder").withObject("properties").putObject("note").put("type", "string");
		assertThat(BreakingChanges.between(published(), current)).isEmpty();
	}

	@Test
	void removedPathOrOperationBreaks() throws IOException {
		JsonNode current = published();
		((ObjectNode) current.path("paths")).remove("/orders/{id}");
		((ObjectNode) current.path("paths").path("/orders")).remove("post");
		assertThat(BreakingChanges.between(published(), current)).contains("removed path /orders/{id}",
				"removed operation POST /orders");
	}

	@Test
	void removedResponseFieldBreaks() throws IOException {
		JsonNode current = published();
		schema(current, "Money").withObject("properties").remove("currency");
		assertThat(BreakingChanges.between(published(), current)).anySatisfy(
				(change) -> assertThat(change).contains("GET /orders/{id} 200").contains("field currency removed"));
	}

	@Test
	void changedTypeBreaks() throws IOException {
		JsonNode current = published();
		schema(current, "Order").withObject("properties").putObject("quantity").put("type", "string");
		assertThat(BreakingChanges.between(published(), current)).anySatisfy(
				(change) -> assertThat(change).contains(".quantity: type changed from \"integer\" to \"string\""));
	}

	@Test
	void newRequiredRequestFieldOrParameterBreaks() throws IOException {
		JsonNode current = published();
		ObjectNode newOrder = schema(current, "NewOrder");
		newOrder.withObject("properties").putObject("channel").put("type", "string");
		((ArrayNode) newOrder.path("required")).add("channel");
		((ArrayNode) current.path("paths").path("/products").path("get").path("parameters")).addObject()
			.put("name", "region")
			.put("in", "query")
			.put("required", true);
		assertThat(BreakingChanges.between(published(), current)).contains(
				"POST /orders request: new required field channel",
				"GET /products: new required parameter query:region");
	}

	@Test
	void responseFieldOrHeaderNoLongerGuaranteedBreaks() throws IOException {
		JsonNode current = published();
		((ArrayNode) schema(current, "Product").path("required")).removeAll();
		((ObjectNode) current.path("components").path("headers").path("RateLimit")).put("required", false);
		assertThat(BreakingChanges.between(published(), current))
			.anySatisfy(
					(change) -> assertThat(change).contains("GET /products/{id} 200: field price no longer guaranteed"))
			.anySatisfy((change) -> assertThat(change).contains("header RateLimit no longer guaranteed"));
	}

	private static ObjectNode schema(JsonNode document, String name) {
		return (ObjectNode) document.path("components").path("schemas").path(name);
	}

	static JsonNode published() throws IOException {
		try (InputStream in = new ClassPathResource("contract/partner-v1.published.json").getInputStream()) {
			return json.readTree(in);
		}
	}

}
