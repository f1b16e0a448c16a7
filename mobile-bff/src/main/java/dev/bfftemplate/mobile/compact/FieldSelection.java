package dev.bfftemplate.mobile.compact;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.bfftemplate.mobile.problem.Problems;

import org.springframework.http.HttpStatus;

/**
 * The optional {@code ?fields=name,price} of a screen: the top-level fields the app
 * wants, checked against the screen's own fields (the components of its record), so an
 * unknown one is a 400 problem naming the allowed ones. {@code warnings} always stay: the
 * app must be able to tell a degraded answer.
 */
public final class FieldSelection {

	private static final String WARNINGS = "warnings";

	private final @Nullable Set<String> selected;

	private FieldSelection(@Nullable Set<String> selected) {
		this.selected = selected;
	}

	/**
	 * Parses a {@code fields} parameter for a screen.
	 * @param fields the parameter, {@code null} or blank for every field
	 * @param screen the record type of the screen
	 * @return the selection
	 * @throws org.springframework.web.ErrorResponseException 400 naming the allowed
	 * fields
	 */
	public static FieldSelection parse(@Nullable String fields, Class<? extends Record> screen) {
		if (fields == null || fields.isBlank()) {
			return new FieldSelection(null);
		}
		Set<String> allowed = Arrays.stream(screen.getRecordComponents())
			.map(java.lang.reflect.RecordComponent::getName)
			.filter((name) -> !WARNINGS.equals(name))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<String> selected = Arrays.stream(fields.split(","))
			.map(String::strip)
			.filter((name) -> !name.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (selected.isEmpty() || !allowed.containsAll(selected)) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "unknown-field",
					"fields may name only: " + String.join(", ", allowed) + ".",
					Map.of("allowedFields", List.copyOf(allowed)));
		}
		selected.add(WARNINGS);
		return new FieldSelection(selected);
	}

	/**
	 * Whether a top-level field is wanted.
	 * @param field the name of a component of the screen's record
	 * @return {@code true} when no selection was made or it names the field
	 */
	public boolean includes(String field) {
		return this.selected == null || this.selected.contains(field);
	}

	/**
	 * The screen with only the selected fields.
	 * @param screen the whole screen
	 * @param json the mapper that writes screens
	 * @return the screen itself when every field is wanted, otherwise its JSON tree
	 * without the others
	 */
	public Object apply(Object screen, JsonMapper json) {
		if (this.selected == null) {
			return screen;
		}
		JsonNode tree = json.valueToTree(screen);
		if (tree instanceof ObjectNode object) {
			object.retain(this.selected);
		}
		return tree;
	}

}
