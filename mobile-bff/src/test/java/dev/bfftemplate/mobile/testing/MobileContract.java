package dev.bfftemplate.mobile.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.http.server.PathContainer;

/**
 * The checked-in v1 contract ({@code static/mobile/openapi/v1.json}, served at
 * {@code /mobile/openapi/v1.json}) as a validator of real responses: each body must match
 * the schema of its operation and status. The schemas list every field as required and
 * allow extra ones, so a new field passes and a removed or renamed one fails. A response
 * to {@code ?fields=} is checked without the top-level {@code required} list.
 */
public final class MobileContract {

	private static final String LOCATION = "static/mobile/openapi/v1.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final MobileContract INSTANCE = new MobileContract(read());

	private final JsonNode document;

	private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private MobileContract(JsonNode document) {
		this.document = document;
	}

	/**
	 * The contract checked into mobile-bff.
	 * @return the contract
	 */
	public static MobileContract checkedIn() {
		return INSTANCE;
	}

	/**
	 * The problems of one response against the contract.
	 * @param method the request method
	 * @param path the request path, without query
	 * @param partial whether the request selected fields
	 * @param status the response status
	 * @param body the response body, {@code null} when it has none
	 * @return what does not match, empty when the response conforms
	 */
	public List<String> violations(String method, String path, boolean partial, int status, byte @Nullable [] body) {
		JsonNode operation = operation(method, path);
		if (operation == null) {
			return List.of(method + " " + path + " is not in the contract");
		}
		JsonNode response = operation.path("responses").path(String.valueOf(status));
		if (response.isMissingNode()) {
			return List.of(method + " " + path + " may not answer " + status);
		}
		JsonNode content = response.path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			return (body == null || body.length == 0) ? List.of()
					: List.of(method + " " + path + " " + status + " must have no body");
		}
		JsonNode schema = content.iterator().next().path("schema");
		if (body == null || body.length == 0) {
			return List.of(method + " " + path + " " + status + " has no body");
		}
		return validate(schema, partial, JSON.readTree(body));
	}

	List<String> validate(JsonNode schema, boolean partial, JsonNode body) {
		ObjectNode root = JSON.createObjectNode();
		JsonNode target = schema;
		if (partial && schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			ObjectNode copy = (ObjectNode) this.document.path("components").path("schemas").path(name).deepCopy();
			copy.remove("required");
			target = copy;
		}
		root.setAll((ObjectNode) target.deepCopy());
		root.set("components", this.document.path("components"));
		Schema compiled = this.schemas.getSchema(root);
		return compiled.validate(body).stream().map(Error::toString).toList();
	}

	private @Nullable JsonNode operation(String method, String path) {
		Iterator<Map.Entry<String, JsonNode>> paths = this.document.path("paths").properties().iterator();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> entry = paths.next();
			PathPattern pattern = PathPatternParser.defaultInstance.parse(entry.getKey());
			if (pattern.matches(PathContainer.parsePath(path))) {
				JsonNode operation = entry.getValue().path(method.toLowerCase(Locale.ROOT));
				return operation.isMissingNode() ? null : operation;
			}
		}
		return null;
	}

	private static JsonNode read() {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the contract " + LOCATION, ex);
		}
	}

}
