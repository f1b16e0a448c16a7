package dev.bfftemplate.partner.contract;

/**
 * The bounds of a page request, part of the contract (the OpenAPI document says the
 * same).
 */
public final class Paging {

	/** The largest page a partner may ask for. */
	public static final int MAX_SIZE = 100;

	/** The page size when the partner does not say. */
	public static final String DEFAULT_SIZE = "20";

	private Paging() {
	}

}
