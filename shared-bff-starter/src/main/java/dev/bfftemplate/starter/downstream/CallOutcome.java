package dev.bfftemplate.starter.downstream;

/**
 * The {@code outcome} tag of {@code bff.downstream.calls}.
 */
enum CallOutcome {

	SUCCESS("success"), NOT_FOUND("not-found"), CLIENT_ERROR("client-error"), TIMEOUT("timeout"),
	CIRCUIT_OPEN("circuit-open"), REJECTED("rejected"), ERROR("error"), CANCELLED("cancelled");

	private final String tag;

	CallOutcome(String tag) {
		this.tag = tag;
	}

	String tag() {
		return this.tag;
	}

}
