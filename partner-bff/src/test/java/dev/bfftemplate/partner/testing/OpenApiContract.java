package dev.bfftemplate.partner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The partner API's OpenAPI 3.1 document as a checker of real answers: is the status
 * documented for the operation, are the required headers there and well-formed, is the
 * content type declared, does the body match the schema (JSON Schema 2020-12)?
 */
public final class OpenApiContract {

	/** Where the application serves the v1 contract and keeps the document. */
	public static final String DOCUMENT = "contract/partner-v1.openapi.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final JsonNode document;

	private final String serverPrefix;

	private OpenApiContract(JsonNode document) {
		this.document = document;
		this.serverPrefix = document.path("servers").path(0).path("url").asString();
	}

	/**
	 * The checked-in v1 document.
	 * @return the contract
	 */
	public static OpenApiContract v1() {
		try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
			return new OpenApiContract(JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the contract speaks about a request path (everything under its server URL).
	 * @param path the request path
	 * @return whether answers to it are checked
	 */
	public boolean covers(String path) {
		return path.startsWith(this.serverPrefix + "/");
	}

	/**
	 * Checks one answer.
	 * @param method the request method
	 * @param path the request path, without query
	 * @param status the answer's status
	 * @param headers the answer's headers
	 * @param body the answer's body, empty when none
	 * @return what breaks the contract, empty when nothing
	 */
	public List<String> violations(String method, String path, int status, HttpHeaders headers, byte[] body) {
		List<String> violations = new ArrayList<>();
		String where = method + " " + path + " -> " + status + ": ";
		String relative = path.substring(this.serverPrefix.length());
		String template = template(relative);
		if (template == null) {
			return List.of(where + "undocumented path");
		}
		JsonNode operation = this.document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
		if (operation.isMissingNode()) {
			return List.of(where + "undocumented operation");
		}
		JsonNode response = operation.path("responses").path(Integer.toString(status));
		if (response.isMissingNode()) {
			return List.of(where + "undocumented status");
		}
		response = resolve(response);
		for (Map.Entry<String, JsonNode> entry : response.path("headers").properties()) {
			JsonNode header = resolve(entry.getValue());
			String value = headers.getFirst(entry.getKey());
			if (value == null) {
				if (header.path("required").asBoolean(false)) {
					violations.add(where + "missing header " + entry.getKey());
				}
				continue;
			}
			for (Error error : schema(header.path("schema")).validate(StringNode.valueOf(value))) {
				violations.add(where + "header " + entry.getKey() + ": " + error.getMessage());
			}
		}
		JsonNode content = response.path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			if (body.length > 0) {
				violations.add(where + "a body where none is documented");
			}
			return violations;
		}
		MediaType contentType = headers.getContentType();
		String declared = null;
		for (String mediaType : content.propertyNames()) {
			if (contentType != null && MediaType.parseMediaType(mediaType).isCompatibleWith(contentType)) {
				declared = mediaType;
			}
		}
		if (declared == null) {
			violations.add(where + "undocumented content type " + contentType);
			return violations;
		}
		if (!declared.endsWith("json")) {
			return violations;
		}
		if (body.length == 0) {
			violations.add(where + "no body");
			return violations;
		}
		JsonNode instance = JSON.readTree(body);
		for (Error error : schema(content.path(declared).path("schema")).validate(instance)) {
			violations.add(where + "body " + error.getInstanceLocation() + ": " + error.getMessage());
		}
		return violations;
	}

	private String template(String relative) {
		for (String template : this.document.path("paths").propertyNames()) {
			String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q") + "$";
			if (relative.matches(regex)) {
				return template;
			}
		}
		return null;
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			current = this.document.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}

	private Schema schema(JsonNode schema) {
		ObjectNode root = JSON.createObjectNode();
		root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
		root.set("components", this.document.path("components"));
		root.set("allOf", JSON.createArrayNode().add(schema));
		return SCHEMAS.getSchema(root);
	}

}
