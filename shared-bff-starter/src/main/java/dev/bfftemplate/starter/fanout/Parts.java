package dev.bfftemplate.starter.fanout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The values of a fan-out's parts, handed to the assembler once every call has answered,
 * failed or been cut by the deadline.
 *
 * @author BFF template
 */
public final class Parts {

	private final Map<Part<?>, @Nullable Object> values;

	private final List<Warning> warnings;

	Parts(Map<Part<?>, @Nullable Object> values, List<Warning> warnings) {
		this.values = values;
		this.warnings = List.copyOf(warnings);
	}

	/**
	 * The value of a part: {@code null} when the call failed under
	 * {@link Policy#OPTIONAL} or {@link Policy#OMIT}, when the downstream answered 404 or
	 * with no body.
	 * @param <T> the type of the value
	 * @param part a part of this fan-out
	 * @return the value or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Part<T> part) {
		Assert.isTrue(this.values.containsKey(part), () -> part + " is not a part of this fan-out");
		return (T) this.values.get(part);
	}

	/**
	 * The value of a part, if there is one.
	 * @param <T> the type of the value
	 * @param part a part of this fan-out
	 * @return the value
	 */
	public <T> Optional<T> find(Part<T> part) {
		return Optional.ofNullable(get(part));
	}

	/**
	 * The warnings to put in the response's {@code warnings} field.
	 * @return the warnings, empty when the answer is complete
	 */
	public List<Warning> warnings() {
		return this.warnings;
	}

	/**
	 * Whether every part has a fresh value.
	 * @return {@code true} when there are no warnings
	 */
	public boolean complete() {
		return this.warnings.isEmpty();
	}

}
