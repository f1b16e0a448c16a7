package dev.bfftemplate.demo.services.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers serialized once, at start-up. The demo data never changes once generated, so a
 * service can answer every call for an id with the same JSON bytes instead of mapping and
 * serializing per request: these services are the downstreams of every full-stack
 * benchmark (bench/stack), where their CPU per call would otherwise count against the
 * BFFs. The bytes come from the application's own {@link JsonMapper}, so the body is
 * exactly what the controller returned before.
 */
public final class CannedJson {

	private final Map<String, ResponseEntity<byte[]>> answers;

	private CannedJson(Map<String, ResponseEntity<byte[]>> answers) {
		this.answers = answers;
	}

	/**
	 * Serializes one answer per item.
	 * @param <T> the item type
	 * @param mapper the application's JSON mapper
	 * @param items the items, for example every product
	 * @param id the id an answer is looked up by
	 * @param body what is sent for an item (the controller's response type)
	 * @return the answers
	 */
	public static <T> CannedJson of(JsonMapper mapper, Collection<T> items, Function<T, String> id,
			Function<T, ?> body) {
		Map<String, ResponseEntity<byte[]>> answers = new HashMap<>();
		for (T item : items) {
			answers.put(id.apply(item), ok(mapper.writeValueAsBytes(body.apply(item))));
		}
		return new CannedJson(Map.copyOf(answers));
	}

	/**
	 * A 200 answer with a JSON body that is already serialized.
	 * @param json the body
	 * @return the answer
	 */
	public static ResponseEntity<byte[]> ok(byte[] json) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
	}

	/**
	 * Returns the answer for an id.
	 * @param id the id
	 * @return the answer, {@code null} if there is no item with that id
	 */
	public @Nullable ResponseEntity<byte[]> answer(String id) {
		return this.answers.get(id);
	}

	/**
	 * Returns the answer for an id that must exist.
	 * @param kind what the ids name, for the problem, for example {@code "product"}
	 * @param id the id
	 * @return the answer
	 * @throws NotFoundException (a 404 problem) if there is no item with that id
	 */
	public ResponseEntity<byte[]> answerOrNotFound(String kind, String id) {
		ResponseEntity<byte[]> answer = this.answers.get(id);
		if (answer == null) {
			throw new NotFoundException(kind, id);
		}
		return answer;
	}

}
