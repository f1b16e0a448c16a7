package dev.bfftemplate.starter.fanout;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a part of a screen is missing or degraded, as written in a {@link Warning}.
 *
 * @author BFF template
 */
public enum Reason {

	/**
	 * The call did not answer within its timeout or the request deadline.
	 */
	TIMEOUT("timeout"),

	/**
	 * The downstream's circuit breaker is open: the call was not made.
	 */
	CIRCUIT_OPEN("circuit-open"),

	/**
	 * The downstream's concurrency limit was reached: the call was not made.
	 */
	REJECTED("rejected"),

	/**
	 * The downstream failed: a 5xx or unexpected 4xx answer, a refused or reset
	 * connection, a malformed or too large body.
	 */
	ERROR("error"),

	/**
	 * The value is the last good one, served from the stale cache.
	 */
	STALE("stale");

	private final String value;

	Reason(String value) {
		this.value = value;
	}

	/**
	 * The value written to clients.
	 * @return the lower-case, hyphenated name
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
