package dev.bfftemplate.partner.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The changes from a published OpenAPI document to a newer one that break a client built
 * against the published one: a path, operation, response field or required response
 * header gone; a type changed; a response field no longer guaranteed; a new required
 * parameter or request field; a request field no longer accepted. Additions are fine.
 */
public final class BreakingChanges {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private final JsonNode published;

	private final JsonNode current;

	private final List<String> changes = new ArrayList<>();

	private BreakingChanges(JsonNode published, JsonNode current) {
		this.published = published;
		this.current = current;
	}

	/**
	 * Lists what breaks published clients.
	 * @param published the document clients were built against
	 * @param current the document served now
	 * @return the breaking changes, empty when there are none
	 */
	public static List<String> between(JsonNode published, JsonNode current) {
		BreakingChanges diff = new BreakingChanges(published, current);
		diff.paths();
		return diff.changes;
	}

	private void paths() {
		for (Map.Entry<String, JsonNode> path : this.published.path("paths").properties()) {
			JsonNode currentPath = this.current.path("paths").path(path.getKey());
			if (currentPath.isMissingNode()) {
				this.changes.add("removed path " + path.getKey());
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (!METHODS.contains(operation.getKey())) {
					continue;
				}
				String where = operation.getKey().toUpperCase() + " " + path.getKey();
				JsonNode currentOperation = currentPath.path(operation.getKey());
				if (currentOperation.isMissingNode()) {
					this.changes.add("removed operation " + where);
					continue;
				}
				parameters(where, operation.getValue(), currentOperation);
				JsonNode requestBody = resolve(this.published, operation.getValue().path("requestBody"));
				JsonNode currentRequestBody = resolve(this.current, currentOperation.path("requestBody"));
				if (!requestBody.path("required").asBoolean(false)
						&& currentRequestBody.path("required").asBoolean(false)) {
					this.changes.add(where + ": request body now required");
				}
				request(where + " request", requestBody.path("content").path("application/json").path("schema"),
						currentRequestBody.path("content").path("application/json").path("schema"));
				responses(where, operation.getValue().path("responses"), currentOperation.path("responses"));
			}
		}
	}

	private void parameters(String where, JsonNode operation, JsonNode currentOperation) {
		Set<String> published = new HashSet<>();
		for (JsonNode parameter : operation.path("parameters")) {
			JsonNode resolved = resolve(this.published, parameter);
			published.add(resolved.path("in").asString() + ":" + resolved.path("name").asString());
		}
		for (JsonNode parameter : currentOperation.path("parameters")) {
			JsonNode resolved = resolve(this.current, parameter);
			String name = resolved.path("in").asString() + ":" + resolved.path("name").asString();
			if (resolved.path("required").asBoolean(false) && !published.contains(name)) {
				this.changes.add(where + ": new required parameter " + name);
			}
		}
	}

	private void responses(String where, JsonNode responses, JsonNode currentResponses) {
		for (Map.Entry<String, JsonNode> entry : responses.properties()) {
			JsonNode response = resolve(this.published, entry.getValue());
			JsonNode currentResponse = resolve(this.current, currentResponses.path(entry.getKey()));
			if (currentResponse.isMissingNode()) {
				continue;
			}
			String at = where + " " + entry.getKey();
			for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
				boolean required = resolve(this.published, header.getValue()).path("required").asBoolean(false);
				JsonNode currentHeader = resolve(this.current, currentResponse.path("headers").path(header.getKey()));
				if (required && !currentHeader.path("required").asBoolean(false)) {
					this.changes.add(at + ": header " + header.getKey() + " no longer guaranteed");
				}
			}
			for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
				JsonNode currentMedia = currentResponse.path("content").path(media.getKey());
				if (currentMedia.isMissingNode()) {
					this.changes.add(at + ": media type " + media.getKey() + " removed");
					continue;
				}
				response(at, media.getValue().path("schema"), currentMedia.path("schema"));
			}
		}
	}

	private void response(String where, JsonNode schemaNode, JsonNode currentSchemaNode) {
		JsonNode schema = resolve(this.published, schemaNode);
		JsonNode currentSchema = resolve(this.current, currentSchemaNode);
		if (!type(schema).equals(type(currentSchema))) {
			this.changes.add(where + ": type changed from " + type(schema) + " to " + type(currentSchema));
			return;
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode currentProperty = currentSchema.path("properties").path(property.getKey());
			if (currentProperty.isMissingNode()) {
				this.changes.add(where + ": field " + property.getKey() + " removed");
				continue;
			}
			response(where + "." + property.getKey(), property.getValue(), currentProperty);
		}
		for (JsonNode required : schema.path("required")) {
			if (!contains(currentSchema.path("required"), required.asString())) {
				this.changes.add(where + ": field " + required.asString() + " no longer guaranteed");
			}
		}
		if (schema.has("items")) {
			response(where + "[]", schema.path("items"), currentSchema.path("items"));
		}
	}

	private void request(String where, JsonNode schemaNode, JsonNode currentSchemaNode) {
		JsonNode schema = resolve(this.published, schemaNode);
		JsonNode currentSchema = resolve(this.current, currentSchemaNode);
		if (schema.isMissingNode()) {
			return;
		}
		if (!type(schema).equals(type(currentSchema))) {
			this.changes.add(where + ": type changed from " + type(schema) + " to " + type(currentSchema));
			return;
		}
		for (JsonNode required : currentSchema.path("required")) {
			if (!contains(schema.path("required"), required.asString())) {
				this.changes.add(where + ": new required field " + required.asString());
			}
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode currentProperty = currentSchema.path("properties").path(property.getKey());
			if (currentProperty.isMissingNode()) {
				if (!currentSchema.path("additionalProperties").asBoolean(true)) {
					this.changes.add(where + ": field " + property.getKey() + " no longer accepted");
				}
				continue;
			}
			request(where + "." + property.getKey(), property.getValue(), currentProperty);
		}
	}

	private static String type(JsonNode schema) {
		return schema.path("type").toString();
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode element : array) {
			if (element.asString().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		JsonNode current = node;
		while (current.has("$ref")) {
			current = document.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}

}
